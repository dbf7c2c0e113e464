package dev.paas.build.catalog;

import dev.paas.build.stack.RuntimeImage;
import dev.paas.ids.UuidV7;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty catalog with the configured defaults ({@code paas.build.runtimes}) when build-service starts. A
 * catalog that has entries is never touched: after the first start the admins own it, and a changed default in the
 * configuration does not override their edits. Replicas starting together seed it once: the table is locked while
 * one of them looks and writes.
 */
final class CatalogSeed {

    private static final Logger log = LoggerFactory.getLogger(CatalogSeed.class);

    private final RuntimeEntries entries;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CatalogSeed(RuntimeEntries entries, TransactionTemplate transactions, Clock clock) {
        this.entries = entries;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Seeds the catalog with {@code defaults} if it is empty; returns how many entries were added. */
    int seed(List<RuntimeImage> defaults) {
        // Checked before the transaction: a bad default is a configuration error that stops the start.
        List<RuntimeImage> checked = defaults.stream().map(CatalogSeed::checked).distinct().toList();
        Integer added = transactions.execute(status -> {
            entries.lockForSeeding();
            if (!entries.isEmpty()) {
                return 0;
            }
            checked.forEach(image -> entries.insert(UuidV7.next(), image, clock.instant()));
            return checked.size();
        });
        if (added != null && added > 0) {
            log.info("seeded the runtime catalog with {} configured entries", added);
        }
        return added == null ? 0 : added;
    }

    private static RuntimeImage checked(RuntimeImage image) {
        try {
            return RuntimeDefinitions.checked(image);
        } catch (RuntimeException e) {
            throw new IllegalStateException("paas.build.runtimes: the entry " + image + " is invalid: "
                    + e.getMessage(), e);
        }
    }
}
