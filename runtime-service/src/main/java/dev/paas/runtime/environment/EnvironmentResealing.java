package dev.paas.runtime.environment;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes a key rotation: values sealed under an older key of the ring are sealed again under the first one, at
 * start-up and every {@code paas.runtime.env.reseal-interval}. Once no row names an old key, it can be dropped from
 * the configuration. Replicas share the work: each batch locks its rows and skips those another one holds.
 */
@Component
class EnvironmentResealing {

    private static final Logger log = LoggerFactory.getLogger(EnvironmentResealing.class);
    private static final int BATCH = 100;

    private final EnvironmentVariables rows;
    private final EnvironmentKeys keys;
    private final TransactionTemplate transactions;

    EnvironmentResealing(EnvironmentVariables rows, EnvironmentKeys keys, TransactionTemplate transactions) {
        this.rows = rows;
        this.keys = keys;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        resealQuietly();
    }

    @Scheduled(initialDelayString = "${paas.runtime.env.reseal-interval:1h}",
            fixedDelayString = "${paas.runtime.env.reseal-interval:1h}")
    void periodically() {
        resealQuietly();
    }

    /** Seals every value under an older key again under the first key; returns how many were. */
    int reseal() {
        Set<String> older = new LinkedHashSet<>(keys.ids());
        older.remove(keys.currentId());
        int resealed = 0;
        while (true) {
            Integer batch = transactions.execute(status -> resealBatch(older));
            if (batch == null || batch == 0) {
                break;
            }
            resealed += batch;
        }
        if (resealed > 0) {
            log.info("sealed {} environment variable values again under key '{}'", resealed, keys.currentId());
        }
        warnAboutUnknownKeys();
        return resealed;
    }

    private int resealBatch(Set<String> older) {
        List<EnvironmentVariables.Row> batch = rows.sealedUnder(older, BATCH);
        for (EnvironmentVariables.Row row : batch) {
            String value = keys.open(row.projectId(), row.name(), row.keyId(), row.sealedValue());
            rows.reseal(row, keys.seal(row.projectId(), row.name(), value));
        }
        return batch.size();
    }

    private void warnAboutUnknownKeys() {
        Map<String, Long> counts = rows.countByKeyId();
        counts.keySet().removeAll(keys.ids());
        if (!counts.isEmpty()) {
            log.warn("environment variables sealed under key ids {} cannot be opened: paas.runtime.env.keys holds "
                    + "none of them (put the old key back in the ring)", counts);
        }
    }

    private void resealQuietly() {
        try {
            reseal();
        } catch (RuntimeException e) {
            log.error("re-sealing environment variables under key '{}' failed; it is tried again in "
                    + "paas.runtime.env.reseal-interval: {}", keys.currentId(), e.getMessage());
        }
    }
}
