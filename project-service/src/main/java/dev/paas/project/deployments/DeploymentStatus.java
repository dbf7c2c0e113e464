package dev.paas.project.deployments;

/**
 * Where a deployment is. It moves forward only: {@code QUEUED → BUILDING → DEPLOYING → RUNNING → REPLACED};
 * {@code FAILED} can follow any state before {@code RUNNING} and is final.
 */
public enum DeploymentStatus {
    QUEUED, BUILDING, DEPLOYING, RUNNING, REPLACED, FAILED;

    boolean isFinal() {
        return this == FAILED || this == REPLACED;
    }
}
