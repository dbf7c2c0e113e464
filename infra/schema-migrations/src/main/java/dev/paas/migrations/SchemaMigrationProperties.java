package dev.paas.migrations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paas.migrations.*}: how long an instance waits for another one that is migrating the same database
 * before it gives up and fails to start.
 *
 * @param lockTimeout the longest wait for the migration lock (2 minutes by default)
 */
@ConfigurationProperties("paas.migrations")
public record SchemaMigrationProperties(@DefaultValue("2m") Duration lockTimeout) {

    public SchemaMigrationProperties {
        if (lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw new IllegalArgumentException("paas.migrations.lock-timeout must be positive, was " + lockTimeout);
        }
    }
}
