package dev.paas.runtime.container;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What to run: an app image as a named, labelled container whose port is published on 127.0.0.1 only.
 *
 * @param name the container name
 * @param image the image tag
 * @param port the port the app listens on inside the container; also passed as {@code PORT}
 * @param labels Docker labels
 * @param limits resource limits
 * @param ownerId the project owner's user id, whose network the container joins ({@link AppContainers#networkOf});
 *        {@code null} for releases recorded before accounts existed
 */
public record ContainerSpec(String name, String image, int port, Map<String, String> labels,
        ContainerLimits limits, UUID ownerId) {

    public ContainerSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(limits, "limits");
        labels = Map.copyOf(labels);
    }

    /** A spec without an owner: the container joins the shared network. */
    public ContainerSpec(String name, String image, int port, Map<String, String> labels, ContainerLimits limits) {
        this(name, image, port, labels, limits, null);
    }

    /** Label every container runtime-service manages carries. */
    public static final String MANAGED = "paas.managed";
    /** Label naming the project a container belongs to. */
    public static final String PROJECT = "paas.project";
    /** Label naming the deployment a container runs. */
    public static final String DEPLOYMENT = "paas.deployment";

    /**
     * The spec of an app container, named {@code paas-app-<slug>-<first 8 chars of the deployment id>} and
     * labelled with its project and deployment.
     */
    public static ContainerSpec forApp(String slug, UUID projectId, UUID deploymentId, String image, int port,
            ContainerLimits limits) {
        return new ContainerSpec(appContainerName(slug, deploymentId), image, port,
                Map.of(MANAGED, "true", PROJECT, projectId.toString(), DEPLOYMENT, deploymentId.toString()),
                limits);
    }

    /** The spec of {@link #forApp(String, UUID, UUID, String, int, ContainerLimits)}, for the owner's network. */
    public static ContainerSpec forApp(String slug, UUID projectId, UUID deploymentId, UUID ownerId, String image,
            int port, ContainerLimits limits) {
        return forApp(slug, projectId, deploymentId, image, port, limits).withOwner(ownerId);
    }

    /** The same container for the given owner's network. */
    public ContainerSpec withOwner(UUID owner) {
        return new ContainerSpec(name, image, port, labels, limits, owner);
    }

    /** {@code paas-app-<slug>-<first 8 chars of the deployment id>}, as the conventions name app containers. */
    public static String appContainerName(String slug, UUID deploymentId) {
        return "paas-app-" + slug + "-" + deploymentId.toString().substring(0, 8);
    }

    /** The same app container named {@code paas-app-<slug>-<full deployment id>}. */
    ContainerSpec withFullDeploymentId() {
        return new ContainerSpec(name.substring(0, name.length() - 8) + deployment(), image, port, labels, limits,
                ownerId);
    }

    /** The deployment this container runs, if the spec says. */
    String deployment() {
        return labels.get(DEPLOYMENT);
    }
}
