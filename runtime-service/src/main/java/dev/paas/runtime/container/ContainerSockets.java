package dev.paas.runtime.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.paas.docker.DockerCalls;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which TCP ports a running container listens on, read from the kernel's socket tables of its network
 * namespace, so that a health check that got no answer can say why. Nothing inside the image is relied on
 * first; in order:
 *
 * <ol>
 * <li>from this side, {@code /proc/<pid>/net/tcp} and {@code tcp6} of the container's main process ({@code pid}
 * from {@code docker inspect}). That works when runtime-service shares the engine's PID namespace ({@code ./paas
 * up}: a host process). The pid is only trusted when {@code /proc/<pid>/cgroup} names the container, since in a
 * container of its own (compose) the same number may be one of runtime-service's own processes;
 * <li>inside the container, {@code docker exec <id> cat /proc/net/tcp /proc/net/tcp6}: needs {@code cat} in the
 * image (Debian- and Alpine-based images have it, distroless ones do not);
 * <li>otherwise unknown ({@link Optional#empty()}).
 * </ol>
 */
public class ContainerSockets {

    private static final Logger log = LoggerFactory.getLogger(ContainerSockets.class);
    private static final long EXEC_TIMEOUT_SECONDS = 5;
    /** Docker's embedded DNS server, inside every container on a user-defined network (the owners' networks). */
    private static final byte[] DOCKER_DNS = {127, 0, 0, 11};

    private final DockerClient docker;
    private final DockerCalls calls;
    private final Path proc;

    ContainerSockets(DockerClient docker, DockerCalls calls, Path proc) {
        this.docker = docker;
        this.calls = calls;
        this.proc = proc;
    }

    /** The container's listening sockets, or empty when they could not be read (see the class comment). */
    public Optional<List<ListeningSocket>> listening(String containerId) {
        try {
            InspectContainerResponse inspected = calls.idempotent("inspect " + containerId,
                    () -> docker.inspectContainerCmd(containerId).exec());
            Optional<String> tables = fromThisSide(inspected)
                    .or(() -> fromInside(inspected.getId()));
            return tables.map(text -> ProcNetTcp.listening(text, ByteOrder.nativeOrder()).stream()
                    .filter(socket -> !isDockerDns(socket))
                    .toList());
        } catch (RuntimeException e) {
            // only ever used to explain a failure: not knowing must not fail anything
            log.debug("could not read the sockets of container {}: {}", containerId, e.toString());
            return Optional.empty();
        }
    }

    /**
     * How many connections to {@code port} the container has open right now (the ingress's, through Docker's port
     * publishing), or empty when its socket tables could not be read. Used to end a drain as soon as the last one
     * closes.
     */
    public OptionalInt established(String containerId, int port) {
        try {
            InspectContainerResponse inspected = calls.idempotent("inspect " + containerId,
                    () -> docker.inspectContainerCmd(containerId).exec());
            return fromThisSide(inspected).or(() -> fromInside(inspected.getId()))
                    .map(text -> OptionalInt.of(ProcNetTcp.established(text, port)))
                    .orElse(OptionalInt.empty());
        } catch (RuntimeException e) {
            log.debug("could not read the connections of container {}: {}", containerId, e.toString());
            return OptionalInt.empty();
        }
    }

    /** Docker's DNS server listens in the container's network namespace, the app did not open it. */
    private static boolean isDockerDns(ListeningSocket socket) {
        return Arrays.equals(socket.address().getAddress(), DOCKER_DNS);
    }

    private Optional<String> fromThisSide(InspectContainerResponse inspected) {
        Long pid = inspected.getState() == null ? null : inspected.getState().getPidLong();
        if (pid == null || pid <= 0) {
            return Optional.empty();
        }
        Path process = proc.resolve(Long.toString(pid));
        try {
            if (!Files.readString(process.resolve("cgroup")).contains(inspected.getId())) {
                return Optional.empty();
            }
            StringBuilder tables = new StringBuilder(Files.readString(process.resolve("net/tcp")));
            try {
                tables.append(Files.readString(process.resolve("net/tcp6")));
            } catch (NoSuchFileException noIpv6) {
                // a kernel without IPv6 has no tcp6 table
            }
            return Optional.of(tables.toString());
        } catch (IOException | SecurityException e) {
            log.debug("cannot read {}/net/tcp: {}", process, e.toString());
            return Optional.empty();
        }
    }

    private Optional<String> fromInside(String containerId) {
        String execId = calls.once("exec cat /proc/net/tcp in " + containerId, () -> docker
                .execCreateCmd(containerId)
                .withAttachStdout(true)
                .withAttachStderr(true)
                .withCmd("cat", "/proc/net/tcp", "/proc/net/tcp6")
                .exec()
                .getId());
        StringBuilder stdout = new StringBuilder();
        try (ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                if (frame.getStreamType() == StreamType.STDOUT || frame.getStreamType() == StreamType.RAW) {
                    synchronized (stdout) {
                        stdout.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                    }
                }
            }
        }) {
            docker.execStartCmd(execId).exec(callback).awaitCompletion(EXEC_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // no cat in the image, or the container stopped meanwhile
            log.debug("exec cat /proc/net/tcp in {} failed: {}", containerId, e.toString());
            return Optional.empty();
        }
        synchronized (stdout) {
            // cat exits 1 when tcp6 is missing but still prints tcp
            return ProcNetTcp.isTable(stdout.toString()) ? Optional.of(stdout.toString()) : Optional.empty();
        }
    }
}
