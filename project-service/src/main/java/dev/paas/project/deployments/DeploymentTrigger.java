package dev.paas.project.deployments;

/** What queued a deployment: its owner through the API, or a push to the project's branch on GitHub. */
public enum DeploymentTrigger {
    MANUAL, PUSH
}
