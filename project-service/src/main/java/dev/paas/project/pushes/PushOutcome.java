package dev.paas.project.pushes;

import java.util.Locale;

/** What project-service did with a push; stored with the delivery so "why did this not deploy?" has an answer. */
enum PushOutcome {
    /** A deployment was queued. */
    DEPLOYED,
    /** The project no longer exists (or never did here). */
    UNKNOWN_PROJECT,
    /** The owner turned automatic deployment off. */
    AUTO_DEPLOY_OFF,
    /** A tag, not a branch, was pushed. */
    NOT_A_BRANCH,
    /** Another branch than the one the project deploys. */
    OTHER_BRANCH,
    /** The project's branch was deleted. */
    BRANCH_DELETED,
    /** billing-service suspended the owner's account: nothing new is deployed until it is reinstated. */
    ACCOUNT_SUSPENDED;

    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
