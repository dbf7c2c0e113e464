package dev.paas.build.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import dev.paas.build.BuildFailure;
import dev.paas.build.TestRepositories;
import dev.paas.docker.DockerCalls;
import dev.paas.docker.DockerClientProperties;
import dev.paas.docker.DockerClients;
import dev.paas.build.source.Checkout;
import dev.paas.build.source.RepositoryUrlPolicy;
import dev.paas.build.source.SourceCheckouts;
import dev.paas.build.stack.BuildContexts;
import dev.paas.build.stack.DockerfileTemplates;
import dev.paas.build.stack.PreparedContext;
import dev.paas.build.stack.BuildOverrides;
import dev.paas.build.stack.ConfiguredRuntimeImages;
import dev.paas.build.stack.RuntimeImage;
import dev.paas.build.stack.RuntimeVersions;
import dev.paas.build.stack.StackConfiguration;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clone, detect and build against the real Docker engine, from git repositories made of the sample apps, on the
 * local images {@code paas/nginx:bookworm} and {@code paas/node:18} ({@code ./paas images}).
 */
class ImagePipelineIT {

    private static final Path HOST_CA_BUNDLE = Path.of("/etc/ssl/certs/ca-certificates.crt");
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);
    /** As application-local.yml has it. */
    private static final ConfiguredRuntimeImages LOCAL_CATALOG = new ConfiguredRuntimeImages(List.of(
            new RuntimeImage("node", "18", "paas/node:18", "paas/node:18"),
            new RuntimeImage("static", "1.22", "paas/nginx:bookworm", "paas/nginx:bookworm")));

    private static DockerClient docker;
    private static DockerImages images;

    @TempDir
    Path repository;

    @TempDir
    Path work;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<String> tags = new ArrayList<>();
    private final SourceCheckouts checkouts = new SourceCheckouts(new RepositoryUrlPolicy(true), Duration.ofMinutes(2));

    @BeforeAll
    static void connect() {
        // As application.yml has it: the client waits out silences of a build's output for the build timeout.
        docker = DockerClients.create(DockerClientProperties.fromEnvironment().withResponseTimeout(BUILD_TIMEOUT));
        images = new DockerImages(docker, calls(), BUILD_TIMEOUT);
    }

    @AfterAll
    static void disconnect() throws Exception {
        docker.close();
    }

    @AfterEach
    void removeImages() {
        tags.forEach(images::remove);
    }

    @Test
    void buildsTheStaticSampleOnTheLocalNginxImage() throws Exception {
        String sha = TestRepositories.commitSample("static-site", repository);

        Checkout checkout = checkout();
        PreparedContext context = contexts(Optional.empty()).prepare(checkout.directory(), BuildOverrides.NONE, log::add);
        BuiltImage image = build(context);

        assertThat(checkout.commitSha()).isEqualTo(sha);
        assertThat(checkout.commitMessage()).isEqualTo("Deploy the static-site sample");
        assertThat(context.stack()).isEqualTo("static");
        assertThat(context.port()).hasValue(8080);
        assertThat(image.exposedTcpPorts()).as("nginx's own EXPOSE 80 is inherited").contains(8080);
        InspectImageResponse inspected = docker.inspectImageCmd(image.tag()).exec();
        assertThat(inspected.getRepoTags()).contains(image.tag());
        assertThat(inspected.getConfig().getLabels()).containsEntry("paas.managed", "true");
        assertThat(log).anyMatch(line -> line.startsWith("Step 1/")).anyMatch(line -> line.contains("FROM paas/nginx"))
                .anyMatch(line -> line.startsWith("Successfully tagged " + image.tag()));
    }

    /**
     * npm fetches a real dependency from the registry. Behind a TLS-intercepting proxy this only works because the
     * host's CA bundle is added as the extra CA (without it: {@code npm ERR! code SELF_SIGNED_CERT_IN_CHAIN}).
     */
    @Test
    void buildsTheNodeSampleWithADependencyTrustingTheHostsCaBundle() throws Exception {
        TestRepositories.commitSample("node-hello", repository);
        Path manifest = repository.resolve("package.json");
        Files.writeString(manifest, Files.readString(manifest)
                .replace("\"license\": \"MIT\"", "\"license\": \"MIT\",\n  \"dependencies\": {\"ms\": \"2.1.3\"},"
                        // A fresh manifest every run, so the engine cannot answer the npm step from its cache.
                        + "\n  \"buildMarker\": \"" + UUID.randomUUID() + "\""));
        TestRepositories.commitAll(repository, "Add a dependency");

        PreparedContext context = contexts(Optional.of(HOST_CA_BUNDLE)).prepare(checkout().directory(), BuildOverrides.NONE, log::add);
        BuiltImage image = build(context);

        assertThat(context.stack()).isEqualTo("node");
        assertThat(Files.readString(context.dockerfile())).contains("FROM paas/node:18 AS build",
                "update-ca-certificates");
        InspectImageResponse inspected = docker.inspectImageCmd(image.tag()).exec();
        assertThat(inspected.getConfig().getEnv()).contains("PORT=3000",
                "NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/paas-extra-ca.crt");
        assertThat(inspected.getConfig().getCmd()).as("the sample's start script is plain node")
                .containsExactly("node", "server.js");
        assertThat(image.exposedTcpPorts()).containsExactly(3000);
        assertThat(inspected.getConfig().getUser()).isEqualTo("10001");
        assertThat(log).anyMatch(line -> line.contains("RUN npm install --no-audit --no-fund"))
                .anyMatch(line -> line.contains("added 1 package"));
    }

    /**
     * A build script that writes dist/index.html with node alone (no npm dependencies): the output is served by
     * nginx as a non-root user with fallback to index.html, and after a change to the sources only, the second build
     * takes the dependency install from the layer cache.
     */
    @Test
    void servesANodeBuildsStaticOutputAndReusesTheDependencyLayerAfterASourceChange() throws Exception {
        Files.writeString(repository.resolve("package.json"), """
                {"name": "site", "version": "1.0.0", "private": true, "scripts": {"build": "node build.js"}}
                """);
        Files.writeString(repository.resolve("package-lock.json"), """
                {"name": "site", "version": "1.0.0", "lockfileVersion": 3, "requires": true,
                 "packages": {"": {"name": "site", "version": "1.0.0"}}}
                """);
        Files.writeString(repository.resolve("build.js"), """
                const fs = require('fs');
                fs.mkdirSync('dist', { recursive: true });
                fs.writeFileSync('dist/index.html', '<h1>' + fs.readFileSync('message.txt', 'utf8').trim() + '</h1>');
                """);
        Files.writeString(repository.resolve("message.txt"), "built " + UUID.randomUUID());
        TestRepositories.commitAll(repository, "A site built by node");

        PreparedContext first = contexts(Optional.empty()).prepare(checkout("first").directory(),
                BuildOverrides.NONE, log::add);
        BuiltImage image = build(first);

        assertThat(first.stack()).isEqualTo("node");
        assertThat(first.port()).hasValue(8080);
        assertThat(log).contains("Detect: build script found (npm run build)")
                .anyMatch(line -> line.contains("serving dist/ as a static site"));
        InspectImageResponse inspected = docker.inspectImageCmd(image.tag()).exec();
        assertThat(inspected.getConfig().getUser()).isEqualTo("10001");
        assertThat(image.exposedTcpPorts()).as("nginx's own EXPOSE 80 is inherited").contains(8080);
        String message = Files.readString(repository.resolve("message.txt"));
        assertThat(get(image.tag(), 8080, "/")).contains(message);
        assertThat(get(image.tag(), 8080, "/a/client/route")).as("fallback to index.html").contains(message);

        Files.writeString(repository.resolve("message.txt"), "rebuilt " + UUID.randomUUID());
        TestRepositories.commitAll(repository, "Change the sources only");
        log.clear();
        PreparedContext second = contexts(Optional.empty()).prepare(checkout("second").directory(),
                BuildOverrides.NONE, log::add);
        BuiltImage rebuilt = build(second);

        assertThat(stepUsedCache("RUN npm ci")).as("the dependency layer is reused; log: %s", log).isTrue();
        assertThat(stepUsedCache("RUN npm run build")).as("the build step runs again").isFalse();
        assertThat(get(rebuilt.tag(), 8080, "/")).contains(Files.readString(repository.resolve("message.txt")));
    }

    /** A yarn 1 server (when the local node image has yarn): a frozen install whose layer survives a code change. */
    @Test
    void buildsAYarnServerAndReusesTheDependencyLayerAfterASourceChange() throws Exception {
        assumeTrue(hasTool("paas/node:18", "yarn"), "paas/node:18 has no yarn (./paas images adds it)");
        TestRepositories.commitSample("node-hello", repository);
        Files.writeString(repository.resolve("yarn.lock"),
                "# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n# yarn lockfile v1\n\n\n");
        TestRepositories.commitAll(repository, "Use yarn");

        PreparedContext first = contexts(Optional.empty()).prepare(checkout("first").directory(),
                BuildOverrides.NONE, log::add);
        BuiltImage image = build(first);

        assertThat(log).anyMatch(line -> line.startsWith("Detect: detected Node 18 (yarn.lock, yarn install"
                + " --frozen-lockfile"));
        InspectImageResponse inspected = docker.inspectImageCmd(image.tag()).exec();
        assertThat(inspected.getConfig().getCmd()).containsExactly("node", "server.js");
        assertThat(inspected.getConfig().getUser()).isEqualTo("10001");
        assertThat(inspected.getConfig().getEnv()).contains("NODE_ENV=production", "PORT=3000", "HOST=0.0.0.0");
        assertThat(get(image.tag(), 3000, "/")).contains("hello from node");

        Path server = repository.resolve("server.js");
        Files.writeString(server, Files.readString(server).replace("hello from node", "hello again from node"));
        TestRepositories.commitAll(repository, "Change the code only");
        log.clear();
        BuiltImage rebuilt = build(contexts(Optional.empty()).prepare(checkout("second").directory(),
                BuildOverrides.NONE, log::add));

        assertThat(stepUsedCache("RUN yarn install --frozen-lockfile")).as("log: %s", log).isTrue();
        assertThat(get(rebuilt.tag(), 3000, "/")).contains("hello again from node");
    }

    @Test
    void buildsTheRepositorysOwnDockerfile() throws Exception {
        TestRepositories.commitSample("dockerfile-app", repository);

        PreparedContext context = contexts(Optional.empty()).prepare(checkout().directory(), BuildOverrides.NONE, log::add);
        BuiltImage image = build(context);

        assertThat(context.stack()).isEqualTo("dockerfile");
        assertThat(context.port()).hasValue(8080);
        assertThat(docker.inspectImageCmd(image.tag()).exec().getRepoTags()).contains(image.tag());
    }

    @Test
    void aFailingDockerfileEndsWithItsErrorAndLeavesNoImage() throws Exception {
        String marker = UUID.randomUUID().toString();
        Files.writeString(repository.resolve("Dockerfile"), """
                FROM paas/nginx:bookworm
                RUN echo %s > /marker
                RUN echo "boom: cannot continue without the config" && exit 3
                """.formatted(marker));
        TestRepositories.commitAll(repository, "Break the build");
        PreparedContext context = contexts(Optional.empty()).prepare(checkout().directory(), BuildOverrides.NONE, log::add);
        String tag = tag();

        assertThatThrownBy(() -> images.build(request(context, tag), log::add))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("image build failed: boom: cannot continue without the config");

        assertThatThrownBy(() -> docker.inspectImageCmd(tag).exec()).isInstanceOf(NotFoundException.class);
        String created = layerCreatedBy(2);
        assertThatThrownBy(() -> docker.inspectImageCmd(created).exec()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aBuildThatRunsTooLongIsStoppedAndLeavesNothingBehind() throws Exception {
        Files.writeString(repository.resolve("Dockerfile"), """
                FROM paas/nginx:bookworm
                RUN echo %s > /marker
                RUN sleep 120
                """.formatted(UUID.randomUUID()));
        TestRepositories.commitAll(repository, "Take forever");
        PreparedContext context = contexts(Optional.empty()).prepare(checkout().directory(), BuildOverrides.NONE, log::add);
        String tag = tag();
        DockerImages impatient = new DockerImages(docker, calls(), Duration.ofSeconds(6));

        assertThatThrownBy(() -> impatient.build(request(context, tag), log::add))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("image build failed: timed out after 6 s");

        String created = layerCreatedBy(2);
        String container = containerOfStep(3);
        assertThatThrownBy(() -> docker.inspectContainerCmd(container).exec()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> docker.inspectImageCmd(created).exec()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> docker.inspectImageCmd(tag).exec()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void namesAMissingBaseImage() throws Exception {
        Files.writeString(repository.resolve("Dockerfile"), "FROM paas/does-not-exist:1\n");
        TestRepositories.commitAll(repository, "Use an image nobody built");
        PreparedContext context = contexts(Optional.empty()).prepare(checkout().directory(), BuildOverrides.NONE, log::add);

        assertThatThrownBy(() -> images.build(request(context, tag()), log::add))
                .isInstanceOf(BuildFailure.class)
                .hasMessageStartingWith("image build failed: base image paas/does-not-exist:1 is not available in the"
                        + " local Docker engine and could not be pulled (");
    }

    private Checkout checkout() {
        return checkout("src");
    }

    private Checkout checkout(String directory) {
        return checkouts.checkout(repository.toUri().toString(), "main", work.resolve(directory), log::add);
    }

    /** Whether the build log's step running {@code instruction} came from the layer cache. */
    private boolean stepUsedCache(String instruction) {
        boolean inStep = false;
        for (String line : List.copyOf(log)) {
            if (line.startsWith("Step ")) {
                inStep = line.contains(" : " + instruction);
            } else if (inStep && line.strip().equals("---> Using cache")) {
                return true;
            }
        }
        return false;
    }

    /** Runs the image with its port published on 127.0.0.1 and returns the body of GET {@code path}. */
    private static String get(String image, int port, String path) throws Exception {
        ExposedPort exposed = ExposedPort.tcp(port);
        String container = docker.createContainerCmd(image).withExposedPorts(exposed)
                .withHostConfig(HostConfig.newHostConfig().withPortBindings(PortBinding.parse("127.0.0.1::" + port)))
                .exec().getId();
        try {
            docker.startContainerCmd(container).exec();
            String hostPort = docker.inspectContainerCmd(container).exec().getNetworkSettings().getPorts()
                    .getBindings().get(exposed)[0].getHostPortSpec();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hostPort + path))
                    .timeout(Duration.ofSeconds(5)).build();
            return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> http.send(request, HttpResponse.BodyHandlers.ofString()),
                            response -> response.statusCode() == 200)
                    .body();
        } finally {
            docker.removeContainerCmd(container).withForce(true).exec();
        }
    }

    private static boolean hasTool(String image, String tool) {
        String container;
        try {
            container = docker.createContainerCmd(image).withCmd("sh", "-c", "command -v " + tool).exec().getId();
        } catch (NotFoundException e) {
            return false;
        }
        try {
            docker.startContainerCmd(container).exec();
            return docker.waitContainerCmd(container).start().awaitStatusCode(30, TimeUnit.SECONDS) == 0;
        } finally {
            docker.removeContainerCmd(container).withForce(true).exec();
        }
    }

    private BuiltImage build(PreparedContext context) throws InterruptedException {
        long started = System.nanoTime();
        BuiltImage image = images.build(request(context, tag()), log::add);
        System.out.printf("built %s (%s) in %.1f s%n", image.tag(), context.stack(),
                (System.nanoTime() - started) / 1e9);
        return image;
    }

    private ImageBuildRequest request(PreparedContext context, String tag) {
        return new ImageBuildRequest(context.directory(), context.dockerfile(), tag,
                Map.of("paas.managed", "true", "paas.deployment", tag.substring(tag.indexOf(':') + 1)));
    }

    private String tag() {
        String tag = "paas-app/build-it:" + UUID.randomUUID();
        tags.add(tag);
        return tag;
    }

    private String layerCreatedBy(int step) {
        var layer = Pattern.compile("^ ---> ([0-9a-f]{12})$");
        boolean inStep = false;
        for (String line : List.copyOf(log)) {
            if (line.startsWith("Step ")) {
                inStep = line.startsWith("Step " + step + "/");
            } else if (inStep && layer.matcher(line).matches()) {
                return layer.matcher(line).replaceFirst("$1");
            }
        }
        throw new AssertionError("step " + step + " created no layer; log: " + log);
    }

    private String containerOfStep(int step) {
        boolean inStep = false;
        for (String line : List.copyOf(log)) {
            if (line.startsWith("Step ")) {
                inStep = line.startsWith("Step " + step + "/");
            } else if (inStep && line.startsWith(" ---> Running in ")) {
                return line.substring(" ---> Running in ".length());
            }
        }
        throw new AssertionError("step " + step + " ran no container; log: " + log);
    }

    private static DockerCalls calls() {
        return new DockerCalls(CircuitBreaker.ofDefaults("docker"), Retry.ofDefaults("docker"),
                TimeLimiter.of(Duration.ofSeconds(30)));
    }

    private static BuildContexts contexts(Optional<Path> extraCa) {
        return new BuildContexts(StackConfiguration.planners(), new RuntimeVersions(LOCAL_CATALOG),
                new DockerfileTemplates(), extraCa);
    }
}
