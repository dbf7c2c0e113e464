package dev.paas.billing.plans;

import dev.paas.problems.Conflict;

/** A plan change that clashes with the plan's state or use (409): deleting a plan in use, retiring it twice. */
public class PlanConflict extends Conflict {

    PlanConflict(String detail) {
        super(detail);
    }
}
