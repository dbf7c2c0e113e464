package dev.paas.build.catalog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the runtime catalog under {@code paas.build.catalog}. Its default entries are
 * {@code paas.build.runtimes}, which seed an empty catalog.
 *
 * @param refreshInterval how old the catalog a build reads may be before it is read again: an edit made through
 *     another replica is seen within this interval (this replica's own edits at once)
 */
@ConfigurationProperties("paas.build.catalog")
public record CatalogProperties(@DefaultValue("2s") Duration refreshInterval) {

    public CatalogProperties {
        if (refreshInterval.isNegative()) {
            throw new IllegalArgumentException("paas.build.catalog.refresh-interval must not be negative, was "
                    + refreshInterval);
        }
    }
}
