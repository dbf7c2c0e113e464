package dev.paas.runtime.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import dev.paas.docker.ContainerLogs;
import dev.paas.docker.DockerCalls;
import dev.paas.docker.DockerFailures;
import dev.paas.docker.OwnerNetworks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs app containers on the local Docker engine: resource-limited, unprivileged, each published on a loopback
 * address of its own ({@link LoopbackAddresses}) and the same port for all, each on its owner's bridge network only
 * ({@link #networkOf}), so another user's containers cannot be reached.
 *
 * <p>A container runs with restart policy {@code no}: runtime-service restarts crashed containers itself, with
 * back-off and crash-loop detection, so that a crash stays visible (exit code and log intact).
 */
public class AppContainers {

    private static final Logger log = LoggerFactory.getLogger(AppContainers.class);
    private static final String LOG_MAX_SIZE = "10m";
    private static final String LOG_MAX_FILES = "3";

    private final DockerClient docker;
    private final DockerCalls calls;
    private final OwnerNetworks networks;
    private final Duration stopGrace;
    private final int publishPort;

    AppContainers(DockerClient docker, DockerCalls calls, Duration stopGrace, int publishPort) {
        this.docker = docker;
        this.calls = calls;
        this.networks = new OwnerNetworks(docker, calls);
        this.stopGrace = stopGrace;
        this.publishPort = publishPort;
    }

    /**
     * Creates and starts the container. A leftover container of the same deployment (from an interrupted
     * attempt) is replaced. Whatever fails, no container of this attempt is left behind.
     *
     * @throws ContainerStartFailed when Docker refuses to create or start it
     */
    public StartedContainer start(ContainerSpec spec) {
        for (int attempt = 1; ; attempt++) {
            String ip = LoopbackAddresses.random();
            String id = create(spec, ip);
            try {
                calls.once("start " + spec.name(), () -> docker.startContainerCmd(id).exec());
                return describe(id, spec.port(), ip);
            } catch (RuntimeException e) {
                removeQuietly(id);
                String message = DockerFailures.messageOf(e);
                if (LoopbackAddresses.taken(message) && attempt < 5) {
                    log.info("{}:{} is taken, publishing {} on another address", ip, publishPort, spec.name());
                    continue;
                }
                throw new ContainerStartFailed("container of image " + spec.image() + " did not start: " + message,
                        e);
            }
        }
    }

    /** Starts a stopped container again, as it was: same address, same image, same log. */
    public void restart(String containerId) {
        calls.idempotent("start " + containerId, () -> {
            try {
                docker.startContainerCmd(containerId).exec();
            } catch (com.github.dockerjava.api.exception.NotModifiedException alreadyRunning) {
                // running already: nothing to do
            }
            return null;
        });
    }

    /** Stops the container (SIGTERM, then SIGKILL after the grace period) and leaves it in place. */
    public void stop(String containerId) {
        try {
            calls.idempotent("stop " + containerId, () -> docker.stopContainerCmd(containerId)
                    .withTimeout((int) stopGrace.toSeconds())
                    .exec());
        } catch (NotFoundException e) {
            log.debug("container {} was already gone", containerId);
        } catch (RuntimeException e) {
            log.debug("stopping {} failed: {}", containerId, e.toString());
        }
    }

    /** The container's current state; {@link ContainerState#missing()} when Docker does not know it. */
    public ContainerState state(String containerId) {
        try {
            InspectContainerResponse.ContainerState state = calls.idempotent("inspect " + containerId,
                    () -> docker.inspectContainerCmd(containerId).exec().getState());
            return new ContainerState(state.getStatus(), Boolean.TRUE.equals(state.getRunning()),
                    state.getExitCodeLong() == null ? -1 : state.getExitCodeLong(),
                    Boolean.TRUE.equals(state.getOOMKilled()));
        } catch (NotFoundException e) {
            return ContainerState.missing();
        }
    }

    /** The last {@code lines} lines the container wrote to stdout and stderr, oldest first. */
    public List<String> lastLogLines(String containerId, int lines) {
        try {
            return calls.idempotent("logs " + containerId, () -> ContainerLogs.tail(docker, containerId, lines));
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    /** Stops the container (SIGTERM, then SIGKILL after the grace period) and removes it. Gone already is fine. */
    public void stopAndRemove(String containerId) {
        try {
            calls.idempotent("stop " + containerId, () -> docker.stopContainerCmd(containerId)
                    .withTimeout((int) stopGrace.toSeconds())
                    .exec());
        } catch (NotFoundException e) {
            return;
        } catch (RuntimeException e) {
            // "not modified" (already stopped) and similar: removal below forces it anyway
            log.debug("stopping {} failed, removing by force: {}", containerId, e.toString());
        }
        remove(containerId);
    }

    /** Removes the container by force. Gone already is fine. */
    public void remove(String containerId) {
        try {
            calls.idempotent("remove " + containerId, () -> docker.removeContainerCmd(containerId)
                    .withForce(true)
                    .withRemoveVolumes(true)
                    .exec());
        } catch (NotFoundException e) {
            log.debug("container {} was already gone", containerId);
        }
    }

    /** Ids of the containers labelled with the given deployment, running or not. */
    public List<String> containersOf(String deploymentId) {
        return calls.idempotent("list containers of " + deploymentId, () -> docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(ContainerSpec.DEPLOYMENT, deploymentId))
                .exec()
                .stream()
                .map(container -> container.getId())
                .toList());
    }

    /** Ids of the containers labelled with the given project, running or not. */
    public List<String> containersOfProject(String projectId) {
        return calls.idempotent("list containers of project " + projectId, () -> docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(ContainerSpec.PROJECT, projectId))
                .exec()
                .stream()
                .map(container -> container.getId())
                .toList());
    }

    /** Every container runtime-service manages that names its deployment, running or not. */
    public List<ManagedContainer> managedContainers() {
        return calls.idempotent("list managed containers", () -> docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(ContainerSpec.MANAGED, "true"))
                .exec()
                .stream()
                .filter(container -> container.getLabels() != null
                        && container.getLabels().containsKey(ContainerSpec.DEPLOYMENT))
                .map(container -> new ManagedContainer(container.getId(),
                        container.getLabels().get(ContainerSpec.DEPLOYMENT)))
                .toList());
    }

    /** A managed container and the deployment it runs, as its label says. */
    public record ManagedContainer(String id, String deploymentId) {
    }

    private String create(ContainerSpec spec, String ip) {
        try {
            return createNamed(spec, ip);
        } catch (ConflictException nameTaken) {
            return createDespiteNameClash(spec, ip);
        } catch (RuntimeException e) {
            throw new ContainerStartFailed("container of image " + spec.image() + " could not be created: "
                    + DockerFailures.messageOf(e), e);
        }
    }

    /*
     * The name is taken. Either by a leftover of the same deployment (an interrupted attempt), which is
     * removed, or by another deployment of the same project whose id starts with the same 8 characters
     * (UUIDv7 ids share them for about a minute): then the full deployment id makes the name unique.
     */
    private String createDespiteNameClash(ContainerSpec spec, String ip) {
        Optional<String> holder = deploymentHolding(spec.name());
        if (holder.isEmpty() || holder.get().equals(spec.deployment()) || spec.deployment() == null) {
            removeQuietly(spec.name());
            return createOrFail(spec, ip);
        }
        return createOrFail(spec.withFullDeploymentId(), ip);
    }

    private String createOrFail(ContainerSpec spec, String ip) {
        try {
            return createNamed(spec, ip);
        } catch (RuntimeException e) {
            throw new ContainerStartFailed("container of image " + spec.image() + " could not be created: "
                    + DockerFailures.messageOf(e), e);
        }
    }

    private String createNamed(ContainerSpec spec, String ip) {
        ExposedPort appPort = ExposedPort.tcp(spec.port());
        Ports bindings = new Ports();
        bindings.bind(appPort, Ports.Binding.bindIpAndPort(ip, publishPort));
        HostConfig hostConfig = HostConfig.newHostConfig()
                .withPortBindings(bindings)
                .withMemory(spec.limits().memoryBytes())
                .withMemorySwap(spec.limits().memoryBytes())
                .withNanoCPUs(spec.limits().nanoCpus())
                .withPidsLimit(spec.limits().pidsLimit())
                .withPrivileged(false)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withRestartPolicy(RestartPolicy.noRestart());
        isolate(hostConfig, spec);
        CreateContainerResponse created = calls.once("create " + spec.name(), () -> docker
                .createContainerCmd(spec.image())
                .withName(spec.name())
                .withLabels(spec.labels())
                .withEnv(spec.environment())
                .withExposedPorts(appPort)
                .withHostConfig(hostConfig)
                .exec());
        return created.getId();
    }

    /**
     * The bridge network of the owner's app containers, {@code paas-user-<first 12 hex digits of the owner id>};
     * {@code paas-user-shared} for apps without an owner. Containers of different networks cannot reach each other.
     */
    public static String networkOf(UUID ownerId) {
        return OwnerNetworks.networkOf(ownerId);
    }

    /**
     * Hardens and isolates the container: only a few capabilities an app may need (changing file owners and users,
     * binding low ports, signalling its own processes), rotated logs, and the owner's network as its only one.
     */
    private void isolate(HostConfig hostConfig, ContainerSpec spec) {
        hostConfig.withCapDrop(Capability.ALL)
                .withCapAdd(Capability.CHOWN, Capability.DAC_OVERRIDE, Capability.FOWNER, Capability.SETGID,
                        Capability.SETUID, Capability.NET_BIND_SERVICE, Capability.KILL)
                .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE,
                        Map.of("max-size", LOG_MAX_SIZE, "max-file", LOG_MAX_FILES)))
                .withNetworkMode(ensureNetwork(spec.ownerId()));
    }

    /** Creates the owner's network unless it exists; two instances creating it at once is fine. */
    String ensureNetwork(UUID ownerId) {
        return networks.ensure(ownerId);
    }

    /** Removes the owner's network when no container uses it any more (its last project was deleted). */
    public void removeNetworkIfUnused(UUID ownerId) {
        networks.removeIfUnused(ownerId);
    }

    private Optional<String> deploymentHolding(String name) {
        try {
            InspectContainerResponse existing = calls.idempotent("inspect " + name,
                    () -> docker.inspectContainerCmd(name).exec());
            Map<String, String> labels = existing.getConfig().getLabels();
            return Optional.ofNullable(labels == null ? null : labels.get(ContainerSpec.DEPLOYMENT));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** Name and published port of a started container, as Docker assigned them. */
    private StartedContainer describe(String containerId, int port, String ip) {
        InspectContainerResponse inspected = calls.idempotent("inspect " + containerId,
                () -> docker.inspectContainerCmd(containerId).exec());
        Ports.Binding[] bound = inspected.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(port));
        if (bound == null || bound.length == 0) {
            throw new IllegalStateException("Docker published no host port for container port " + port);
        }
        return new StartedContainer(containerId, inspected.getName().replaceFirst("^/", ""), ip,
                Integer.parseInt(bound[0].getHostPortSpec()));
    }

    private void removeQuietly(String containerIdOrName) {
        try {
            remove(containerIdOrName);
        } catch (RuntimeException e) {
            log.warn("could not remove container {}: {}", containerIdOrName, e.toString());
        }
    }
}
