package dev.paas.billing.plans;

import java.time.Instant;
import java.util.UUID;

/** Which plan an account is on at a given time (a change of plan takes effect from the next full hour). */
public interface AccountPlans {

    /** The terms of the plan {@code userId} is on at {@code at}: the default plan for an account never seen before. */
    PlanTerms termsAt(UUID userId, Instant at);
}
