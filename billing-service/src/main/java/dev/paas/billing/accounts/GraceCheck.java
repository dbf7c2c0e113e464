package dev.paas.billing.accounts;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The periodic check ({@code paas.billing.account-check-interval}, 1 min): suspends the accounts whose grace period
 * has ended. Every replica runs it; the rows it suspends are locked with skip locked, so each is suspended once.
 */
@Component
class GraceCheck {

    /** Bounds one check: at most this many batches, the rest waits for the next check. */
    static final int MAX_BATCHES = 50;

    private final AccountLifecycle lifecycle;

    GraceCheck(AccountLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Scheduled(initialDelayString = "${paas.billing.account-check-interval:1m}",
            fixedDelayString = "${paas.billing.account-check-interval:1m}")
    void run() {
        int batches = 1;
        // A full batch means more may be due.
        while (lifecycle.suspendGraceEnded() == AccountLifecycle.BATCH && batches < MAX_BATCHES) {
            batches++;
        }
    }
}
