package dev.paas.billing.plans;

/** Whether a plan can be chosen: a retired plan keeps its accounts but takes no new ones. */
public enum PlanStatus {
    ACTIVE, RETIRED
}
