package dev.paas.project.accounts;

import java.time.Instant;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What billing-service decided about accounts, as far as project-service enforces it: the number of apps the plan
 * allows and whether the account is suspended. Each fact is replaced only by a newer event (its envelope's
 * occurred-at, then its id), so a late or replayed older one changes nothing. Until billing told of an account's plan
 * there is no app quota, as before plans existed.
 */
@Service
public class Accounts {

    private static final Log log = LogFactory.getLog(Accounts.class);

    private final PlanLimits limits;
    private final Suspensions suspensions;
    private final JdbcClient jdbc;

    Accounts(PlanLimits limits, Suspensions suspensions, JdbcClient jdbc) {
        this.limits = limits;
        this.suspensions = suspensions;
        this.jdbc = jdbc;
    }

    /** The plan of {@code userId} ({@code planName}) allows {@code maxApps} apps since {@code occurredAt}. */
    @Transactional
    public void limitsChanged(UUID userId, UUID planId, String planName, int maxApps, Instant occurredAt,
            UUID eventId) {
        if (!limits.record(userId, planId, planName, maxApps, occurredAt, eventId)) {
            log.info("ignoring the limits of event " + eventId + " for account " + userId
                    + ": newer limits are known");
        }
    }

    /** billing-service suspended {@code userId} at {@code occurredAt}, for {@code reason}. */
    @Transactional
    public void suspended(UUID userId, String reason, Instant occurredAt, UUID eventId) {
        if (!suspensions.record(userId, true, reason, occurredAt, eventId)) {
            log.info("ignoring the suspension of event " + eventId + " for account " + userId
                    + ": a newer reinstatement or suspension is known");
        }
    }

    /** billing-service reinstated {@code userId} at {@code occurredAt}. */
    @Transactional
    public void reinstated(UUID userId, Instant occurredAt, UUID eventId) {
        if (!suspensions.record(userId, false, null, occurredAt, eventId)) {
            log.info("ignoring the reinstatement of event " + eventId + " for account " + userId
                    + ": a newer suspension or reinstatement is known");
        }
    }

    /**
     * Admits one more app of {@code ownerId}, who owns {@code appsOwned} now. Holds the owner's lock until the caller's
     * transaction ends, so that of two registrations at the limit the second counts the first's app.
     *
     * @throws dev.paas.problems.PaymentRequired when the account is suspended
     * @throws dev.paas.problems.QuotaExceeded when the plan allows no more apps
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void admitNewApp(UUID ownerId, LongSupplier appsOwned) {
        if (ownerId == null) {
            return;
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("project-service apps of " + ownerId)
                .query((rs, row) -> 1).list();
        admit(ownerId, NewWork.CREATE_APP);
        limits.of(ownerId).ifPresent(quota -> quota.admitOneMore(appsOwned.getAsLong()));
    }

    /**
     * Admits {@code work} of {@code ownerId}'s.
     *
     * @throws dev.paas.problems.PaymentRequired when the account is suspended
     */
    public void admit(UUID ownerId, NewWork work) {
        if (ownerId != null) {
            suspensions.of(ownerId).ifPresent(suspension -> {
                throw suspension.refusal(work);
            });
        }
    }

    /** Whether billing-service suspended {@code ownerId} (and did not reinstate it since). */
    public boolean isSuspended(UUID ownerId) {
        return ownerId != null && suspensions.of(ownerId).isPresent();
    }
}
