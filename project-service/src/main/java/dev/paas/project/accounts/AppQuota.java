package dev.paas.project.accounts;

import dev.paas.problems.QuotaExceeded;

/** How many apps (projects) the plan of an account allows, the one plan limit project-service enforces. */
record AppQuota(String planName, int maxApps) {

    static final String LIMIT = "maxApps";

    /** Refuses one more app to an owner who already has {@code appsOwned}, when the plan allows no more. */
    void admitOneMore(long appsOwned) {
        if (appsOwned >= maxApps) {
            throw new QuotaExceeded(LIMIT, planName, maxApps, sentence(appsOwned));
        }
    }

    /** {@code the free plan allows 3 apps; you have 3}. */
    String sentence(long appsOwned) {
        return "the " + planName + " plan allows " + maxApps + (maxApps == 1 ? " app" : " apps") + "; you have "
                + appsOwned;
    }
}
