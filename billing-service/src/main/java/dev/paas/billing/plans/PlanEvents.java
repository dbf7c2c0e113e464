package dev.paas.billing.plans;

import java.util.UUID;

/** What the plans feature tells the rest of billing; messaging/ publishes each as its contract. */
public final class PlanEvents {

    private PlanEvents() {
    }

    /**
     * The limits an account is under changed: it was first seen (the default plan), its owner chose another plan, or
     * an administrator revised its plan. Published inside the transaction that made the change.
     */
    public record LimitsChanged(UUID userId, UUID planId, String planName, PlanLimits limits) {
    }
}
