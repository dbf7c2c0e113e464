package dev.paas.project.deployments;

/**
 * Where a deployment is. It moves forward only: {@code QUEUED → BUILDING → DEPLOYING → RUNNING → REPLACED};
 * {@code FAILED} can follow any state before {@code RUNNING} and is final; so is {@code CANCELLED}, which follows
 * {@code QUEUED} or {@code BUILDING} when the build was cancelled or superseded. A rollback builds nothing: it starts
 * at {@code DEPLOYING}.
 */
public enum DeploymentStatus {
    QUEUED, BUILDING, DEPLOYING, RUNNING, REPLACED, FAILED, CANCELLED;

    boolean isFinal() {
        return this == FAILED || this == REPLACED || this == CANCELLED;
    }
}
