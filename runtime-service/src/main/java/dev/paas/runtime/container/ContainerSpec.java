package dev.paas.runtime.container;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What to run: an app image as a named, labelled container, published on a loopback address of its own.
 *
 * @param name the container name
 * @param image the image tag
 * @param port the port the app listens on inside the container; also passed as {@code PORT}
 * @param labels Docker labels
 * @param limits resource limits
 * @param variables the project's environment variables; {@code PORT} is always the app port
 * @param ownerId the project owner's user id, whose network the container joins ({@link AppContainers#networkOf});
 *        {@code null} for releases recorded before accounts existed
 */
public record ContainerSpec(String name, String image, int port, Map<String, String> labels,
        ContainerLimits limits, Map<String, String> variables, UUID ownerId) {

    public ContainerSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(limits, "limits");
        labels = Map.copyOf(labels);
        variables = variables == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(variables));
    }

    /** A spec without variables or owner: the container joins the shared network. */
    public ContainerSpec(String name, String image, int port, Map<String, String> labels, ContainerLimits limits) {
        this(name, image, port, labels, limits, Map.of(), null);
    }

    /** Label every container runtime-service manages carries. */
    public static final String MANAGED = "paas.managed";
    /** Label naming the project a container belongs to. */
    public static final String PROJECT = "paas.project";
    /** Label naming the deployment a container runs. */
    public static final String DEPLOYMENT = "paas.deployment";
    /** Label naming which replica of its deployment a container is, from 0. */
    public static final String INSTANCE = "paas.instance";
    /** Label naming the user who owns the container's project. */
    public static final String OWNER = "paas.owner";

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

    /**
     * The spec of replica {@code instance} of a deployment, named {@code paas-app-<slug>-<8 chars of the deployment
     * id>-<instance>-<generation>} (the generation tells a replacement from the container it replaces), on its
     * owner's network.
     */
    public static ContainerSpec forReplica(String slug, UUID projectId, UUID ownerId, UUID deploymentId, int instance,
            int generation, String image, int port, ContainerLimits limits, Map<String, String> variables) {
        Map<String, String> labels = new HashMap<>(Map.of(MANAGED, "true", PROJECT, projectId.toString(),
                DEPLOYMENT, deploymentId.toString(), INSTANCE, Integer.toString(instance)));
        if (ownerId != null) {
            labels.put(OWNER, ownerId.toString());
        }
        return new ContainerSpec(appContainerName(slug, deploymentId) + "-" + instance + "-" + generation, image,
                port, labels, limits, variables, ownerId);
    }

    /** The same container for the given owner's network. */
    public ContainerSpec withOwner(UUID owner) {
        return new ContainerSpec(name, image, port, labels, limits, variables, owner);
    }

    /** The container's environment, {@code KEY=value}: the project's variables, then {@code PORT}. */
    public List<String> environment() {
        List<String> environment = new ArrayList<>();
        variables.forEach((key, value) -> {
            if (!"PORT".equals(key)) {
                environment.add(key + "=" + value);
            }
        });
        environment.add("PORT=" + port);
        return environment;
    }

    /** The replica this container is, from 0; 0 when the label is missing. */
    public int instance() {
        String label = labels.get(INSTANCE);
        return label == null ? 0 : Integer.parseInt(label);
    }

    /** {@code paas-app-<slug>-<first 8 chars of the deployment id>}, as the conventions name app containers. */
    public static String appContainerName(String slug, UUID deploymentId) {
        return "paas-app-" + slug + "-" + deploymentId.toString().substring(0, 8);
    }

    /** The same app container named with the full deployment id instead of its first 8 characters. */
    ContainerSpec withFullDeploymentId() {
        String shortId = deployment().substring(0, 8);
        return new ContainerSpec(name.replace(shortId, deployment()), image, port, labels, limits, variables,
                ownerId);
    }

    /** The deployment this container runs, if the spec says. */
    String deployment() {
        return labels.get(DEPLOYMENT);
    }
}
