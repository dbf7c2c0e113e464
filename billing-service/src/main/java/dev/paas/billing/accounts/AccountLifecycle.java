package dev.paas.billing.accounts;

import dev.paas.billing.metering.HourlyBurn;
import dev.paas.billing.wallets.BalanceChanged;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Low balance, grace, suspension and reinstatement. Reacts to every booking ({@link BalanceChanged}, inside the
 * booking's transaction, so the standing and the events it causes commit with the entry or not at all) and, through
 * {@link GraceCheck}, to time passing.
 */
@Service
public class AccountLifecycle {

    private static final Log log = LogFactory.getLog(AccountLifecycle.class);

    /** Accounts suspended per transaction by the periodic check, to keep each transaction short. */
    static final int BATCH = 100;

    private final AccountStandings standings;
    private final HourlyBurn burns;
    private final AccountRules rules;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AccountLifecycle(AccountStandings standings, HourlyBurn burns, AccountRules rules, Clock clock,
            ApplicationEventPublisher events) {
        this.standings = standings;
        this.burns = burns;
        this.rules = rules;
        this.clock = clock;
        this.events = events;
    }

    /**
     * A booking changed an account's balance. The threshold uses the account's burn as metering computes it (what
     * runs now × its plan's hourly rate), the same figure the wallet shows.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(BalanceChanged change) {
        Instant now = clock.instant();
        AccountStanding standing = standings.lock(change.userId(), now);
        List<Object> facts = standing.balanceChanged(change.balance(), burns.of(change.userId(), now), now, rules);
        standings.save(standing, now);
        facts.forEach(events::publishEvent);
    }

    /**
     * Suspends up to {@link #BATCH} accounts whose grace period has ended; returns how many, so the caller repeats
     * until none is left.
     */
    @Transactional
    public int suspendGraceEnded() {
        Instant now = clock.instant();
        int suspended = 0;
        for (AccountStanding standing : standings.lockGraceEndedBy(now, BATCH)) {
            List<Object> facts = standing.graceChecked(now, rules);
            standings.save(standing, now);
            facts.forEach(events::publishEvent);
            if (!facts.isEmpty()) {
                suspended++;
                log.info("suspended account " + standing.userId() + ": its grace period ended at "
                        + standing.graceEndsAt() + " with the balance at " + standing.balance().toPlainString());
            }
        }
        return suspended;
    }

    /** Where {@code userId} stands, if billing has seen a booking of it. */
    public Optional<Standing> standing(UUID userId) {
        return standings.find(userId).map(s -> new Standing(s.userId(), s.balance(), s.lowNotified(),
                s.graceEndsAt(), s.suspendedAt()));
    }

    /**
     * An account's standing, for reading.
     *
     * @param graceEndsAt when it will be suspended unless topped up; {@code null} outside a grace period
     * @param suspendedAt when it was suspended; {@code null} when it is not
     */
    public record Standing(UUID userId, java.math.BigDecimal balance, boolean low, Instant graceEndsAt,
            Instant suspendedAt) {
    }
}
