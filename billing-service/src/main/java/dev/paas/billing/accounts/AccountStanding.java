package dev.paas.billing.accounts;

import dev.paas.billing.wallets.Amounts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Where an account stands: its last known balance, whether it was told its balance is low, its grace period and its
 * suspension. State changes through {@link #balanceChanged} and {@link #graceChecked}, which return the facts to
 * publish; calling either again with the same input returns none, so a replay changes nothing.
 */
final class AccountStanding {

    private final UUID userId;
    private BigDecimal balance;
    private boolean lowNotified;
    private Instant graceStartedAt;
    private Instant graceEndsAt;
    private Instant suspendedAt;

    AccountStanding(UUID userId, BigDecimal balance, boolean lowNotified, Instant graceStartedAt,
            Instant graceEndsAt, Instant suspendedAt) {
        this.userId = userId;
        this.balance = balance;
        this.lowNotified = lowNotified;
        this.graceStartedAt = graceStartedAt;
        this.graceEndsAt = graceEndsAt;
        this.suspendedAt = suspendedAt;
    }

    /** An account seen for the first time: nothing notified, nothing pending. */
    static AccountStanding opened(UUID userId) {
        return new AccountStanding(userId, Amounts.ZERO, false, null, null, null);
    }

    /**
     * The wallet's balance is now {@code newBalance} while the account burns {@code hourlyBurn} an hour.
     * Below the threshold for the first time since it was last above: low. At or below zero: the grace period
     * starts (once). Above zero: the grace period is cleared and a suspended account is reinstated.
     */
    List<Object> balanceChanged(BigDecimal newBalance, BigDecimal hourlyBurn, Instant now, AccountRules rules) {
        List<Object> facts = new ArrayList<>();
        balance = Amounts.exact(newBalance);
        BigDecimal threshold = rules.lowBalanceThreshold(hourlyBurn);
        if (balance.compareTo(threshold) < 0) {
            if (!lowNotified) {
                lowNotified = true;
                facts.add(new AccountEvents.WalletLow(userId, balance, rules.currency(), threshold,
                        Amounts.exact(hourlyBurn)));
            }
        } else {
            lowNotified = false;
        }
        if (balance.signum() <= 0) {
            if (graceStartedAt == null && suspendedAt == null) {
                graceStartedAt = now;
                graceEndsAt = now.plus(rules.gracePeriod());
            }
        } else {
            graceStartedAt = null;
            graceEndsAt = null;
            if (suspendedAt != null) {
                suspendedAt = null;
                facts.add(new AccountEvents.Reinstated(userId, balance, rules.currency()));
            }
        }
        return facts;
    }

    /** Suspends the account when its grace period has ended by {@code now} and it is not suspended yet. */
    List<Object> graceChecked(Instant now, AccountRules rules) {
        if (suspendedAt != null || graceEndsAt == null || now.isBefore(graceEndsAt) || balance.signum() > 0) {
            return List.of();
        }
        suspendedAt = now;
        Duration grace = Duration.between(graceStartedAt, graceEndsAt);
        String reason = "the balance stayed at " + balance.toPlainString() + " " + rules.currency() + " through the "
                + describe(grace) + " grace period";
        return List.of(new AccountEvents.Suspended(userId, balance, rules.currency(), reason));
    }

    private static String describe(Duration grace) {
        return grace.toSecondsPart() == 0 && grace.toMinutesPart() == 0 ? grace.toHours() + " h"
                : grace.toMinutes() + " min";
    }

    UUID userId() {
        return userId;
    }

    BigDecimal balance() {
        return balance;
    }

    boolean lowNotified() {
        return lowNotified;
    }

    Instant graceStartedAt() {
        return graceStartedAt;
    }

    Instant graceEndsAt() {
        return graceEndsAt;
    }

    Instant suspendedAt() {
        return suspendedAt;
    }

    boolean isSuspended() {
        return suspendedAt != null;
    }
}
