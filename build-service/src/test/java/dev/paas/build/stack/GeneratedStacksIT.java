package dev.paas.build.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import dev.paas.build.image.BuiltImage;
import dev.paas.build.image.DockerImages;
import dev.paas.build.image.ImageBuildRequest;
import dev.paas.docker.DockerCalls;
import dev.paas.docker.DockerClientProperties;
import dev.paas.docker.DockerClients;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/**
 * Plans, builds and runs a standard-library Python app, a standard-library Go app and a plain PHP app on the local
 * images ({@code ./paas images}), and gets a 200 from each through a port published on 127.0.0.1. A stack whose
 * local image is missing is skipped.
 */
class GeneratedStacksIT {

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
    private static final RuntimeVersions LOCAL = new RuntimeVersions(stack -> switch (stack) {
        case "python" -> List.of(new RuntimeImage("python", "3.11", "paas/python:3.11", "paas/python:3.11"));
        case "go" -> List.of(new RuntimeImage("go", "1.19", "paas/go:1.19", "scratch"));
        case "php" -> List.of(new RuntimeImage("php", "8.2", "paas/php:8.2", "paas/php:8.2"));
        default -> List.of();
    });

    private static DockerClient docker;
    private static DockerImages images;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path repository;

    private final List<String> tags = new ArrayList<>();
    private final List<String> containers = new ArrayList<>();
    private final List<String> log = new ArrayList<>();

    @BeforeAll
    static void connect() {
        docker = DockerClients.create(DockerClientProperties.fromEnvironment().withResponseTimeout(BUILD_TIMEOUT));
        images = new DockerImages(docker, new DockerCalls(CircuitBreaker.ofDefaults("docker"),
                Retry.ofDefaults("docker"), TimeLimiter.of(Duration.ofSeconds(30))), BUILD_TIMEOUT);
    }

    @AfterAll
    static void disconnect() throws IOException {
        docker.close();
    }

    @AfterEach
    void removeContainersAndImages() {
        containers.forEach(id -> docker.removeContainerCmd(id).withForce(true).exec());
        tags.forEach(images::remove);
    }

    @Test
    void servesAStandardLibraryPythonApp() throws Exception {
        requireImage("paas/python:3.11");
        PlannerFixtures.write(repository, "app.py", """
                import http.server, os
                class Hello(http.server.BaseHTTPRequestHandler):
                    def do_GET(self):
                        body = b"hello from python"
                        self.send_response(200)
                        self.send_header("Content-Length", str(len(body)))
                        self.end_headers()
                        self.wfile.write(body)
                http.server.HTTPServer(("0.0.0.0", int(os.environ["PORT"])), Hello).serve_forever()
                """);

        assertServes(new PythonPlanner(), "hello from python");
    }

    @Test
    void servesAStandardLibraryGoApp() throws Exception {
        requireImage("paas/go:1.19");
        PlannerFixtures.write(repository, "go.mod", "module example.com/hello\n\ngo 1.19\n");
        PlannerFixtures.write(repository, "main.go", """
                package main

                import (
                	"fmt"
                	"net/http"
                	"os"
                )

                func main() {
                	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "hello from go") })
                	http.ListenAndServe(":"+os.Getenv("PORT"), nil)
                }
                """);

        assertServes(new GoPlanner(), "hello from go");
    }

    @Test
    void servesAPlainPhpApp() throws Exception {
        requireImage("paas/php:8.2");
        PlannerFixtures.write(repository, "index.php", "<?php echo 'hello from php ' . PHP_MAJOR_VERSION;\n");

        assertServes(new PhpPlanner(), "hello from php 8");
    }

    private void assertServes(StackPlanner planner, String body) throws Exception {
        BuildPlan plan = planner.plan(new SourceTree(repository), BuildOverrides.NONE, LOCAL).orElseThrow();
        Path dockerfile = Files.writeString(repository.resolve("Dockerfile"), PlannerFixtures.render(plan));
        Files.writeString(repository.resolve(".dockerignore"), String.join("\n", plan.ignore()) + "\n");
        String tag = "paas-app/stacks-it:" + UUID.randomUUID();
        tags.add(tag);
        BuiltImage image = images.build(new ImageBuildRequest(repository, dockerfile, tag,
                Map.of("paas.managed", "true")), log::add);
        int port = plan.port().orElseThrow();
        assertThat(image.exposedTcpPorts()).contains(port);
        assertThat(docker.inspectImageCmd(tag).exec().getConfig().getUser()).startsWith("10001");

        ExposedPort exposed = ExposedPort.tcp(port);
        String id = docker.createContainerCmd(tag).withExposedPorts(exposed)
                .withHostConfig(HostConfig.newHostConfig().withMemory(256L * 1024 * 1024)
                        .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), exposed)))
                .exec().getId();
        containers.add(id);
        docker.startContainerCmd(id).exec();
        String hostPort = docker.inspectContainerCmd(id).exec().getNetworkSettings().getPorts().getBindings()
                .get(exposed)[0].getHostPortSpec();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hostPort + "/"))
                .timeout(Duration.ofSeconds(2)).build();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .untilAsserted(() -> {
                    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(response.body()).contains(body);
                });
    }

    private static void requireImage(String image) {
        boolean present;
        try {
            docker.inspectImageCmd(image).exec();
            present = true;
        } catch (NotFoundException e) {
            present = false;
        }
        assumeTrue(present, image + " is not built (./paas images)");
    }
}
