package dev.paas.billing.plans;

import java.time.Instant;
import java.util.UUID;

/**
 * One administrator's change to a plan.
 *
 * @param planId the plan
 * @param planName its name then
 * @param action what was done
 * @param actorId the administrator
 * @param at when
 * @param plan the plan as the change left it (as it was, for a deletion), JSON
 */
public record PlanAuditEntry(UUID planId, String planName, Action action, UUID actorId, Instant at, String plan) {

    /** What an administrator did. */
    public enum Action {
        CREATED, UPDATED, RETIRED, DELETED
    }
}
