package dev.paas.database.backups;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every 10 minutes: a backup lives until its {@code expires_at} and not a moment longer (no newest-one exception).
 * Expired backups are locked with {@code skip locked}, deleted from the store and then their row, so two replicas
 * never delete the same one and a store failure keeps the row for the next pass.
 */
@Component
class RetentionPass {

    private static final Logger log = LoggerFactory.getLogger(RetentionPass.class);
    private static final int BATCH = 100;

    private final Backups backups;
    private final BackupStore store;
    private final TransactionTemplate transactions;
    private final BackupProperties properties;

    RetentionPass(Backups backups, BackupStore store, TransactionTemplate transactions, BackupProperties properties) {
        this.backups = backups;
        this.store = store;
        this.transactions = transactions;
        this.properties = properties;
    }

    @Scheduled(initialDelay = 60000, fixedDelay = 600000)
    void scheduled() {
        if (properties.scheduling()) {
            run();
        }
    }

    /** Deletes every expired backup; returns how many. */
    int run() {
        int deleted = 0;
        int batch;
        do {
            batch = transactions.execute(status -> {
                int count = 0;
                for (Backup expired : backups.lockExpired(BATCH)) {
                    try {
                        store.delete(expired.storeKey());
                        backups.delete(expired.id());
                        count++;
                    } catch (RuntimeException e) {
                        log.warn("cannot delete expired backup {}: {}", expired.id(), e.getMessage());
                    }
                }
                return count;
            });
            deleted += batch;
        } while (batch == BATCH);
        return deleted;
    }
}
