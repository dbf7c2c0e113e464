package dev.paas.build.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.paas.docker.DockerCalls;
import dev.paas.docker.DockerClientProperties;
import dev.paas.docker.DockerClients;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeping the newest images of a project against the real engine, on the local {@code paas/base:bookworm}. */
class ImageRetentionIT {

    private static DockerClient docker;
    private static DockerImages images;

    @TempDir
    Path context;

    private final String project = UUID.randomUUID().toString();
    private final List<String> tags = new ArrayList<>();
    private final List<String> containers = new ArrayList<>();

    @BeforeAll
    static void connect() {
        docker = DockerClients.create(DockerClientProperties.fromEnvironment()
                .withResponseTimeout(Duration.ofMinutes(5)));
        images = new DockerImages(docker, new DockerCalls(CircuitBreaker.ofDefaults("docker"),
                Retry.ofDefaults("docker"), TimeLimiter.of(Duration.ofSeconds(30))), Duration.ofMinutes(3));
    }

    @AfterAll
    static void disconnect() throws Exception {
        docker.close();
    }

    @AfterEach
    void cleanUp() {
        containers.forEach(id -> docker.removeContainerCmd(id).withForce(true).exec());
        tags.forEach(images::remove);
    }

    @Test
    void keepsTheNewestAndThoseInUseAndTouchesNoImageItDidNotLabel() throws Exception {
        String used = build(true);
        String old = build(true);
        String unmanaged = build(false);
        String newest = build(true);
        containers.add(docker.createContainerCmd(used).withCmd("true").exec().getId());

        List<String> removed = images.keepLatest(project, 1);

        assertThat(removed).containsExactly(old);
        assertThat(images.inspect(old)).isEmpty();
        assertThat(images.inspect(used)).as("a container uses it").isPresent();
        assertThat(images.inspect(newest)).isPresent();
        assertThat(images.inspect(unmanaged)).as("not labelled paas.managed").isPresent();
    }

    private String build(boolean managed) throws Exception {
        Files.writeString(context.resolve("Dockerfile"), "FROM paas/base:bookworm\nRUN echo %s > /marker\n"
                .formatted(UUID.randomUUID()));
        String tag = "paas-app/retention-it:" + UUID.randomUUID();
        tags.add(tag);
        Map<String, String> labels = managed ? Map.of("paas.managed", "true", "paas.project", project)
                : Map.of("paas.project", project);
        images.build(new ImageBuildRequest(context, context.resolve("Dockerfile"), tag, labels), line -> { });
        return tag;
    }
}
