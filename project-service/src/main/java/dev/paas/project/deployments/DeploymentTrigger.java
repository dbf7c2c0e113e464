package dev.paas.project.deployments;

/**
 * What queued a deployment: its owner through the API, a push to the project's branch on GitHub, or its owner
 * asking to run an earlier deployment's image again.
 */
public enum DeploymentTrigger {
    MANUAL, PUSH, ROLLBACK
}
