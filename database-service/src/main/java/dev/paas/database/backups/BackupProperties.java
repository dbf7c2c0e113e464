package dev.paas.database.backups;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of backups ({@code paas.databases.backups}).
 *
 * @param store {@code local} (a directory of this host) or {@code s3}
 * @param localDirectory the directory of the local store
 * @param s3 the bucket of the S3 store
 * @param defaultCron the schedule every provisioned database gets (Spring's 6-field cron, UTC)
 * @param retentionDays how long a backup is kept by default
 * @param lease how long a worker owns a backup or restore it claimed before another replica may take it over
 * @param maxAttempts how often a backup is tried when its worker vanished before it gives up
 * @param readyTimeout how long a restored database may take to accept its login
 * @param scheduling whether this replica runs the workers and passes (tests call them directly)
 */
@ConfigurationProperties("paas.databases.backups")
record BackupProperties(@DefaultValue("local") String store, @DefaultValue(".paas/backups") Path localDirectory,
        @DefaultValue S3 s3, @DefaultValue("0 0 3 * * *") String defaultCron, @DefaultValue("7") int retentionDays,
        @DefaultValue("15m") Duration lease, @DefaultValue("3") int maxAttempts,
        @DefaultValue("60s") Duration readyTimeout, @DefaultValue("true") boolean scheduling) {

    /**
     * An S3-compatible bucket.
     *
     * @param endpoint {@code https://s3.eu-central-1.amazonaws.com}, {@code http://127.0.0.1:9000}
     * @param pathStyle {@code <endpoint>/<bucket>/<key>}; false: {@code <bucket>.<endpoint host>/<key>}
     */
    record S3(String endpoint, String bucket, @DefaultValue("us-east-1") String region, String accessKey,
            String secretKey, @DefaultValue("true") boolean pathStyle) {

        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + "]";
        }
    }
}
