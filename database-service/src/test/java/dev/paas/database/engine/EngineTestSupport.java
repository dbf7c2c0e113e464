package dev.paas.database.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import dev.paas.docker.DockerCalls;
import dev.paas.docker.DockerClientProperties;
import dev.paas.docker.DockerClients;
import dev.paas.docker.DockerUnavailable;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Docker for the engine tests: a client, the calls wrapper, a plain exec, and clean-up by label. */
final class EngineTestSupport {

    private static DockerClient client;

    private EngineTestSupport() {
    }

    static synchronized DockerClient docker() {
        if (client == null) {
            client = DockerClients.create(DockerClientProperties.fromEnvironment());
        }
        return client;
    }

    static DockerCalls calls() {
        return new DockerCalls(CircuitBreaker.ofDefaults("docker"),
                Retry.of("docker", RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(100))
                        .retryExceptions(DockerUnavailable.class).build()),
                TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(30)).build()));
    }

    /** A spec of a new database of a new owner, with small limits. */
    static DatabaseSpec spec(DatabaseType type, String image, boolean externalAccess) {
        UUID id = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        String password = UUID.randomUUID().toString().replace("-", "");
        Credentials credentials = type == DatabaseType.REDIS ? new Credentials("default", password, "0")
                : new Credentials("app", password, "app");
        return new DatabaseSpec(id, owner, type, "test", image, DatabaseSpec.containerNameOf(id),
                DatabaseSpec.firstVolumeOf(id), DatabaseSpec.networkAliasOf(id), credentials, 256L << 20,
                500_000_000L, 1L << 30, externalAccess);
    }

    /** What a command printed (stdout and stderr) and its exit code. */
    record Output(long exitCode, String text) {
    }

    static Output exec(String container, List<String> env, String... command) {
        String id = docker().execCreateCmd(container).withCmd(command).withEnv(env).withAttachStdout(true)
                .withAttachStderr(true).exec().getId();
        StringBuilder text = new StringBuilder();
        try (ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                synchronized (text) {
                    text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
            }
        }) {
            docker().execStartCmd(id).exec(callback).awaitCompletion(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Long exit = docker().inspectExecCmd(id).exec().getExitCodeLong();
        synchronized (text) {
            return new Output(exit == null ? -1 : exit, text.toString());
        }
    }

    static List<String> containersOf(UUID databaseId) {
        return docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(DockerDatabaseEngines.DATABASE_ID, databaseId.toString())).exec().stream()
                .map(container -> container.getNames()[0].replaceFirst("^/", "")).toList();
    }

    static List<String> volumesOf(UUID databaseId) {
        var volumes = docker().listVolumesCmd()
                .withFilter("label", List.of(DockerDatabaseEngines.DATABASE_ID + "=" + databaseId)).exec()
                .getVolumes();
        return volumes == null ? List.of() : volumes.stream().map(volume -> volume.getName()).toList();
    }

    /** Removes every container and volume of the database, and its owner's network. */
    static void cleanUp(DatabaseSpec spec) {
        for (String container : containersOf(spec.databaseId())) {
            try {
                docker().removeContainerCmd(container).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException gone) {
                // removed meanwhile
            }
        }
        for (String volume : volumesOf(spec.databaseId())) {
            try {
                docker().removeVolumeCmd(volume).exec();
            } catch (NotFoundException gone) {
                // removed meanwhile
            }
        }
        try {
            docker().removeNetworkCmd(dev.paas.docker.OwnerNetworks.networkOf(spec.ownerId())).exec();
        } catch (RuntimeException goneOrInUse) {
            // no network was made, or it is gone
        }
    }
}
