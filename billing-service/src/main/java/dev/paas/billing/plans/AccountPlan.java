package dev.paas.billing.plans;

import java.time.Instant;
import java.util.UUID;

/**
 * An account's plan as its owner sees it.
 *
 * @param userId the account
 * @param plan the plan in effect now
 * @param since the hour it took effect; {@code null} for an account billing has not seen yet (on the default plan)
 * @param next a change that takes effect at the next full hour, or {@code null}
 */
public record AccountPlan(UUID userId, Plan plan, Instant since, Change next) {

    /** A change of plan still to come. */
    public record Change(Plan plan, Instant effectiveFrom) {
    }
}
