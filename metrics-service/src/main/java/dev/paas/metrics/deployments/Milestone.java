package dev.paas.metrics.deployments;

/** The facts about a deployment that metrics-service counts. */
public enum Milestone {
    BUILD_STARTED, IMAGE_BUILT, BUILD_FAILED, CONTAINER_STARTED, HEALTHY, DEPLOYMENT_FAILED, CONTAINER_STOPPED
}
