package dev.paas.database.databases;

/** Where a managed database is in its life; see the README for the transitions. */
public enum DatabaseState {
    PROVISIONING, RUNNING, STOPPED, CRASH_LOOP, RESTORING, FAILED, DELETED;

    /** Whether its container and volume exist (it was provisioned and is not deleted). */
    boolean provisioned() {
        return this != PROVISIONING && this != FAILED && this != DELETED;
    }
}
