package dev.paas.project.accounts;

/** What a suspended account may not start, each with the words that name it to the account's owner. */
public enum NewWork {
    /** Registering a project. */
    CREATE_APP("create apps"),
    /** Deploying a project's branch or one of its commits. */
    DEPLOY("deploy apps"),
    /** Running the image of an earlier deployment again. */
    ROLL_BACK("roll back deployments");

    final String action;

    NewWork(String action) {
        this.action = action;
    }
}
