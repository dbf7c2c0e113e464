package dev.paas.database.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import dev.paas.docker.ContainerLogs;
import dev.paas.docker.DockerCalls;
import dev.paas.docker.DockerFailures;
import dev.paas.docker.OwnerNetworks;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@link DatabaseEngines} on the local Docker engine, through docker-java and {@link DockerCalls}. Each database is a
 * container {@code paas-db-<id>} on a named volume, resource-limited, with few capabilities and rotated logs, on its
 * owner's private network ({@link OwnerNetworks}) under its alias, and published on a loopback port only with
 * external access. Containers run with restart policy {@code no}: the lifecycle supervises them.
 */
@Component
public class DockerDatabaseEngines implements DatabaseEngines {

    private static final Logger log = LoggerFactory.getLogger(DockerDatabaseEngines.class);
    static final String MANAGED = "paas.managed";
    static final String DATABASE_ID = "paas.database-id";
    static final String OWNER_ID = "paas.owner-id";
    static final String ROLE = "paas.database-role";
    static final String SCRATCH_SUFFIX = "-scratch";
    private static final long PIDS_LIMIT = 256;
    private static final String LOAD_FILE = "paas-load.dump";
    private static final Duration QUICK = Duration.ofSeconds(20);
    private static final Duration SCRATCH_STOP_GRACE = Duration.ofSeconds(60);

    private final DockerClient docker;
    private final DockerCalls calls;
    private final OwnerNetworks networks;
    private final EnginesProperties properties;
    private final EngineImages images;
    private final ContainerExec exec;

    /** Without Spring (tests): its own {@link OwnerNetworks}. */
    public DockerDatabaseEngines(DockerClient docker, DockerCalls calls, EnginesProperties properties) {
        this(docker, calls, new OwnerNetworks(docker, calls), properties, Clock.systemUTC());
    }

    @Autowired
    public DockerDatabaseEngines(DockerClient docker, DockerCalls calls, OwnerNetworks networks,
            EnginesProperties properties) {
        this(docker, calls, networks, properties, Clock.systemUTC());
    }

    DockerDatabaseEngines(DockerClient docker, DockerCalls calls, OwnerNetworks networks, EnginesProperties properties,
            Clock clock) {
        this.docker = docker;
        this.calls = calls;
        this.properties = properties;
        this.networks = networks;
        this.images = new EngineImages(docker, calls, properties.pullTimeout(), properties.pullFailureMemory(), clock);
        this.exec = new ContainerExec(docker, calls);
    }

    @Override
    public List<String> versions(DatabaseType type) {
        return properties.of(type).versions().stream().map(EnginesProperties.Version::version).toList();
    }

    @Override
    public String resolve(DatabaseType type, String version) {
        EngineDefinition engine = EngineDefinition.of(type);
        List<EnginesProperties.Version> offered = properties.of(type).versions();
        if (offered.isEmpty()) {
            throw new EngineUnavailable(engine.displayName() + " is not offered on this platform");
        }
        EnginesProperties.Version chosen = version == null ? offered.getFirst() : offered.stream()
                .filter(candidate -> candidate.version().equals(version))
                .findFirst()
                .orElseThrow(() -> new EngineUnavailable(engine.displayName() + " " + version
                        + " is not offered; the versions are " + String.join(", ", versions(type))));
        return images.resolve(engine.displayName(), chosen.images());
    }

    @Override
    public void start(DatabaseSpec spec) {
        EngineDefinition engine = EngineDefinition.of(spec.type());
        ensureVolume(spec.volume(), spec);
        String network = networks.ensure(spec.ownerId());
        InspectContainerResponse existing = inspect(spec.containerName());
        if (existing != null && !matches(existing, spec, engine, networkId(network))) {
            log.info("recreating {}: its image, volume, network or published port changed", spec.containerName());
            remove(spec.containerName());
            existing = null;
        }
        if (existing == null) {
            create(spec, engine, spec.containerName(), false);
        }
        startContainer(spec.containerName());
    }

    @Override
    public boolean ready(DatabaseSpec spec) {
        return ready(spec.containerName(), EngineDefinition.of(spec.type()), spec.credentials());
    }

    private boolean ready(String container, EngineDefinition engine, Credentials credentials) {
        if (!status(container).running()) {
            return false;
        }
        try {
            ContainerExec.Captured answer = exec.capture(container, engine.ready(credentials), QUICK);
            return answer.result().succeeded() && engine.readyOutput(answer.stdout());
        } catch (RuntimeException e) {
            log.debug("readiness check of {} failed: {}", container, e.toString());
            return false;
        }
    }

    @Override
    public ContainerStatus status(String containerName) {
        InspectContainerResponse inspected = inspect(containerName);
        if (inspected == null) {
            return ContainerStatus.missing();
        }
        InspectContainerResponse.ContainerState state = inspected.getState();
        boolean running = Boolean.TRUE.equals(state.getRunning());
        return new ContainerStatus(running ? ContainerStatus.State.RUNNING : ContainerStatus.State.EXITED,
                running ? null : state.getExitCodeLong(), instant(state.getStartedAt()),
                Boolean.TRUE.equals(state.getOOMKilled()));
    }

    @Override
    public void stop(String containerName, Duration grace) {
        try {
            calls.idempotent("stop " + containerName, () -> docker.stopContainerCmd(containerName)
                    .withTimeout((int) Math.max(1, grace.toSeconds()))
                    .exec());
        } catch (NotFoundException | NotModifiedException goneOrStopped) {
            log.debug("{} was not running", containerName);
        }
    }

    @Override
    public void remove(String containerName) {
        try {
            calls.idempotent("remove " + containerName, () -> docker.removeContainerCmd(containerName)
                    .withForce(true)
                    .withRemoveVolumes(true)
                    .exec());
        } catch (NotFoundException e) {
            log.debug("container {} was already gone", containerName);
        } catch (ConflictException beingRemoved) {
            log.debug("container {} is being removed already", containerName);
        }
    }

    @Override
    public void removeVolume(String volume) {
        try {
            calls.idempotent("remove volume " + volume, () -> docker.removeVolumeCmd(volume).exec());
        } catch (NotFoundException e) {
            log.debug("volume {} was already gone", volume);
        }
    }

    @Override
    public ConnectionInfo connection(DatabaseSpec spec) {
        EngineDefinition engine = EngineDefinition.of(spec.type());
        return new ConnectionInfo(spec.networkAlias(), engine.port(), spec.credentials(),
                engine.url(spec.networkAlias(), spec.credentials()),
                spec.externalAccess() ? publishedPort(spec.containerName(), engine.port()) : null);
    }

    /** Measured inside the running container; a stopped one's volume is measured by a short-lived helper container. */
    @Override
    public long usageBytes(DatabaseSpec spec) {
        EngineDefinition engine = EngineDefinition.of(spec.type());
        EngineCommand du = new EngineCommand("du", List.of("du", "-sb", engine.dataDir()), List.of());
        if (status(spec.containerName()).running()) {
            return parseDu(exec.capture(spec.containerName(), du, QUICK));
        }
        String helper = spec.containerName() + "-du-" + Long.toHexString(System.nanoTime());
        Map<String, String> labels = labels(spec);
        labels.put(ROLE, "usage");
        try {
            calls.once("create " + helper, () -> docker.createContainerCmd(spec.image())
                    .withName(helper)
                    .withLabels(labels)
                    .withEntrypoint("sleep")
                    .withCmd("60")
                    .withHostConfig(HostConfig.newHostConfig()
                            .withBinds(new Bind(spec.volume(), new Volume(engine.dataDir()), AccessMode.ro))
                            .withNetworkMode("none")
                            .withCapDrop(Capability.ALL)
                            .withCapAdd(Capability.DAC_OVERRIDE)
                            .withMemory(64L << 20)
                            .withPidsLimit(16L))
                    .exec());
            startContainer(helper);
            return parseDu(exec.capture(helper, du, QUICK));
        } finally {
            remove(helper);
        }
    }

    private static long parseDu(ContainerExec.Captured answer) {
        String[] fields = answer.stdout().strip().split("\\s+");
        if (fields.length == 0 || !fields[0].matches("\\d+")) {
            throw new IllegalStateException(answer.result().describe("du"));
        }
        return Long.parseLong(fields[0]);
    }

    @Override
    public void refuseWrites(DatabaseSpec spec, boolean refuse) {
        EngineDefinition engine = EngineDefinition.of(spec.type());
        List<EngineCommand> commands = engine.refuseWrites(spec.credentials(), refuse);
        if (commands.isEmpty()) {
            log.warn("{} {} cannot refuse writes; it stays writable", engine.displayName(), spec.databaseId());
            return;
        }
        for (EngineCommand command : commands) {
            ContainerExec.Result result = exec.run(spec.containerName(), command, OutputStream.nullOutputStream(),
                    QUICK);
            if (!result.succeeded()) {
                throw new IllegalStateException("could not " + (refuse ? "refuse" : "allow") + " writes on "
                        + spec.containerName() + ": " + result.describe(command.tool()));
            }
        }
        log.info("{} {} writes on {}", refuse ? "refused" : "allowed", engine.displayName(), spec.containerName());
    }

    @Override
    public void dump(DatabaseSpec spec, OutputStream out) {
        EngineDefinition engine = EngineDefinition.of(spec.type());
        EngineCommand command = engine.dump(spec.credentials());
        ContainerExec.Result result;
        try {
            result = exec.run(spec.containerName(), command, out, properties.execTimeout());
        } catch (NotFoundException e) {
            throw new DumpRejected(spec.containerName() + " does not exist", e);
        } catch (ConflictException e) {
            throw new DumpRejected(spec.containerName() + " is not running", e);
        }
        if (!result.succeeded()) {
            throw new DumpRejected(result.describe(command.tool()));
        }
    }

    @Override
    public void loadIntoNewVolume(DatabaseSpec spec, InputStream dump, String scratchVolume) {
        if (scratchVolume.equals(spec.volume())) {
            throw new IllegalArgumentException("the dump must load into a new volume, not " + scratchVolume
                    + " which the database uses");
        }
        EngineDefinition engine = EngineDefinition.of(spec.type());
        String scratch = spec.containerName() + SCRATCH_SUFFIX;
        DatabaseSpec scratchSpec = spec.withVolume(scratchVolume).withContainerName(scratch);
        Path file = null;
        try {
            file = spool(dump);
            remove(scratch);
            // a leftover of an interrupted load holds half-loaded data: the load starts on an empty volume
            removeVolume(scratchVolume);
            ensureVolume(scratchVolume, spec);
            create(scratchSpec, engine, scratch, true);
            if (engine.loadsAtStart()) {
                copyInto(scratch, file, engine.dataDir(), engine.startFileName());
            }
            startContainer(scratch);
            awaitReady(scratch, engine, spec.credentials());
            if (!engine.loadsAtStart()) {
                copyInto(scratch, file, "/tmp", LOAD_FILE);
                runOrReject(scratch, engine.load(spec.credentials(), "/tmp/" + LOAD_FILE, head(file)));
            }
            for (EngineCommand check : engine.afterLoad(spec.credentials())) {
                runOrReject(scratch, check);
            }
            stop(scratch, SCRATCH_STOP_GRACE);
            remove(scratch);
            log.info("loaded a dump of {} into volume {}", spec.containerName(), scratchVolume);
        } catch (RuntimeException e) {
            removeQuietly(scratch, scratchVolume);
            if (e instanceof DumpRejected rejected) {
                throw rejected;
            }
            throw new DumpRejected("the dump could not be loaded: " + DockerFailures.messageOf(e), e);
        } finally {
            deleteQuietly(file);
        }
    }

    @Override
    public List<String> lastLogLines(String containerName, int lines) {
        try {
            return calls.idempotent("logs " + containerName, () -> ContainerLogs.tail(docker, containerName, lines));
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    private void create(DatabaseSpec spec, EngineDefinition engine, String name, boolean scratch) {
        ExposedPort port = ExposedPort.tcp(engine.port());
        HostConfig host = HostConfig.newHostConfig()
                .withBinds(new Bind(spec.volume(), new Volume(engine.dataDir())))
                .withMemory(spec.memoryBytes())
                .withMemorySwap(spec.memoryBytes())
                .withNanoCPUs(spec.nanoCpus())
                .withPidsLimit(PIDS_LIMIT)
                .withPrivileged(false)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withCapDrop(Capability.ALL)
                .withCapAdd(Capability.CHOWN, Capability.SETUID, Capability.SETGID, Capability.DAC_OVERRIDE,
                        Capability.FOWNER)
                .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE,
                        Map.of("max-size", "10m", "max-file", "3")))
                .withRestartPolicy(RestartPolicy.noRestart());
        if (scratch) {
            host.withNetworkMode("none");
        } else {
            host.withNetworkMode(networks.ensure(spec.ownerId()));
            if (spec.externalAccess()) {
                Ports bindings = new Ports();
                bindings.bind(port, Ports.Binding.bindIp("127.0.0.1"));
                host.withPortBindings(bindings);
            }
        }
        Map<String, String> labels = labels(spec);
        if (scratch) {
            labels.put(ROLE, "scratch");
        }
        List<String> command = scratch ? engine.scratchCommand(spec.credentials()) : engine.command(spec.credentials());
        calls.once("create " + name, () -> {
            CreateContainerCmd create = docker.createContainerCmd(spec.image())
                    .withName(name)
                    .withLabels(labels)
                    .withEnv(engine.environment(spec.credentials()))
                    .withExposedPorts(port)
                    .withHostConfig(host);
            if (!engine.entrypoint().isEmpty()) {
                create.withEntrypoint(engine.entrypoint());
            }
            if (!command.isEmpty()) {
                create.withCmd(command);
            }
            if (!scratch) {
                create.withAliases(spec.networkAlias());
            }
            return create.exec().getId();
        });
    }

    private static Map<String, String> labels(DatabaseSpec spec) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED, "database");
        labels.put(DATABASE_ID, spec.databaseId().toString());
        labels.put(OWNER_ID, spec.ownerId().toString());
        return labels;
    }

    private void ensureVolume(String volume, DatabaseSpec spec) {
        try {
            calls.idempotent("inspect volume " + volume, () -> docker.inspectVolumeCmd(volume).exec());
        } catch (NotFoundException missing) {
            calls.idempotent("create volume " + volume, () -> docker.createVolumeCmd()
                    .withName(volume)
                    .withLabels(labels(spec))
                    .exec());
        }
    }

    /*
     * Whether the existing container runs what the spec says: same image, volume and publication, on the owner's
     * network as it is now (Docker lets a network go while only stopped containers are attached to it; one made
     * again is another network, which a stopped container does not know).
     */
    private static boolean matches(InspectContainerResponse existing, DatabaseSpec spec, EngineDefinition engine,
            String networkId) {
        Map<String, ContainerNetwork> attached = existing.getNetworkSettings() == null ? null
                : existing.getNetworkSettings().getNetworks();
        ContainerNetwork endpoint = attached == null ? null : attached.get(OwnerNetworks.networkOf(spec.ownerId()));
        boolean sameNetwork = endpoint != null && networkId.equals(endpoint.getNetworkID());
        boolean sameImage = spec.image().equals(existing.getConfig().getImage());
        boolean sameVolume = existing.getMounts() != null && existing.getMounts().stream()
                .anyMatch(mount -> spec.volume().equals(mount.getName()));
        Ports bindings = existing.getHostConfig().getPortBindings();
        boolean published = bindings != null && bindings.getBindings().get(ExposedPort.tcp(engine.port())) != null;
        return sameImage && sameVolume && sameNetwork && published == spec.externalAccess();
    }

    private String networkId(String network) {
        return calls.idempotent("inspect network " + network,
                () -> docker.inspectNetworkCmd().withNetworkId(network).exec().getId());
    }

    private void startContainer(String name) {
        try {
            calls.once("start " + name, () -> docker.startContainerCmd(name).exec());
        } catch (NotModifiedException alreadyRunning) {
            log.debug("{} is running already", name);
        }
    }

    private InspectContainerResponse inspect(String name) {
        try {
            return calls.idempotent("inspect " + name, () -> docker.inspectContainerCmd(name).exec());
        } catch (NotFoundException e) {
            return null;
        }
    }

    private Integer publishedPort(String container, int port) {
        InspectContainerResponse inspected = inspect(container);
        if (inspected == null || inspected.getNetworkSettings() == null) {
            return null;
        }
        Ports.Binding[] bound = inspected.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(port));
        return bound == null || bound.length == 0 ? null : Integer.valueOf(bound[0].getHostPortSpec());
    }

    private void awaitReady(String scratch, EngineDefinition engine, Credentials credentials) {
        long deadline = System.nanoTime() + properties.readyTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            ContainerStatus status = status(scratch);
            if (!status.running()) {
                throw new DumpRejected(engine.displayName() + " did not start on the dump (exited with "
                        + status.exitCode() + "): " + String.join(" / ", lastLogLines(scratch, 4)));
            }
            if (ready(scratch, engine, credentials)) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DumpRejected("interrupted while waiting for " + engine.displayName() + " to start");
            }
        }
        throw new DumpRejected(engine.displayName() + " did not accept connections within "
                + properties.readyTimeout().toSeconds() + " s: " + String.join(" / ", lastLogLines(scratch, 4)));
    }

    private void runOrReject(String container, EngineCommand command) {
        ContainerExec.Result result = exec.run(container, command, OutputStream.nullOutputStream(),
                properties.execTimeout());
        if (!result.succeeded()) {
            throw new DumpRejected(result.describe(command.tool()));
        }
    }

    /*
     * Docker's archive API rather than the exec's stdin: docker-java never half-closes a hijacked stdin, so a tool
     * reading a dump from it would wait for its end for ever. The copy streams from the spooled file.
     */
    private void copyInto(String container, Path file, String directory, String name) {
        try {
            calls.longRunning("copy the dump into " + container, () -> {
                try (InputStream tar = TarStreams.ofFile(file, name)) {
                    docker.copyArchiveToContainerCmd(container)
                            .withRemotePath(directory)
                            .withTarInputStream(tar)
                            .exec();
                } catch (IOException e) {
                    throw new UncheckedIOException("could not read the spooled dump", e);
                }
                return null;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DumpRejected("interrupted while copying the dump");
        }
    }

    private static Path spool(InputStream dump) {
        try {
            Path file = Files.createTempFile("paas-dump-", ".load");
            try (InputStream in = new BufferedInputStream(dump)) {
                Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the dump", e);
        }
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void removeQuietly(String container, String volume) {
        try {
            remove(container);
        } catch (RuntimeException e) {
            log.warn("could not remove the scratch container {}: {}", container, e.toString());
        }
        try {
            removeVolume(volume);
        } catch (RuntimeException e) {
            log.warn("could not remove the scratch volume {}: {}", volume, e.toString());
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", file, e.toString());
        }
    }

    private static Instant instant(String dockerTime) {
        if (dockerTime == null || dockerTime.isBlank() || dockerTime.startsWith("0001-")) {
            return null;
        }
        try {
            return Instant.parse(dockerTime);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
