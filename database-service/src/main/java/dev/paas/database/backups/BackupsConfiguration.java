package dev.paas.database.backups;

import java.net.URI;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The backup store chosen by {@code paas.databases.backups.store}, and the clock of backups. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(BackupProperties.class)
class BackupsConfiguration {

    @Bean
    BackupStore backupStore(BackupProperties properties) {
        return switch (properties.store()) {
            case "local" -> new LocalBackupStore(properties.localDirectory());
            case "s3" -> s3(properties.s3());
            default -> throw new IllegalStateException("paas.databases.backups.store must be local or s3, not "
                    + properties.store());
        };
    }

    private static S3BackupStore s3(BackupProperties.S3 s3) {
        for (String[] setting : new String[][] {{"endpoint", s3.endpoint()}, {"bucket", s3.bucket()},
                {"access-key", s3.accessKey()}, {"secret-key", s3.secretKey()}}) {
            if (setting[1] == null || setting[1].isBlank()) {
                throw new IllegalStateException("paas.databases.backups.s3." + setting[0]
                        + " is required with paas.databases.backups.store=s3");
            }
        }
        S3BackupStore store = new S3BackupStore(URI.create(s3.endpoint()), s3.bucket(), s3.region(), s3.accessKey(),
                s3.secretKey(), s3.pathStyle(), Clock.systemUTC());
        store.ensureBucket();
        return store;
    }
}
