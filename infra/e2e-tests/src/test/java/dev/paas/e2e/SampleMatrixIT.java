package dev.paas.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every sample in {@code infra/samples} builds without configuration and answers through the ingress: the
 * repositories a new user brings (npm, yarn and pnpm servers, a Vite site, a React single-page app, Python, Go, PHP,
 * Java, plain HTML, an own Dockerfile). All projects are created and deployed at once before the first assertion, so
 * the matrix takes about as long as its slowest builds on the platform's build slots, within one shared deadline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleMatrixIT {

    /** All deployments of the matrix must have settled this long after they were requested. */
    private static final Duration MATRIX_DEADLINE = Duration.ofMinutes(10);

    private final Platform platform = Platform.signedUpRoomy("matrix");
    private final ExecutorService starts = Executors.newFixedThreadPool(4);
    private final Map<String, CompletableFuture<Deployed>> deployed = new ConcurrentHashMap<>();
    private Instant deadline;

    /**
     * One sample: its directory, a text its answer to {@code GET /} contains, the stack detection must report (null
     * where either Node or static serving is a fair name for it), and a client-side route that must serve the app's
     * index.html too (null for none).
     */
    record Sample(String name, String answer, String stack, String clientRoute) {

        @Override
        public String toString() {
            return name;
        }
    }

    record Deployed(Sample sample, String slug, String deploymentId) {
    }

    static Stream<Sample> samples() {
        return Stream.of(
                new Sample("node-npm", "hello from node-npm", "node", null),
                new Sample("node-yarn", "hello from node-yarn", "node", null),
                new Sample("node-pnpm", "hello from node-pnpm", "node", null),
                new Sample("vite-static", "hello from vite-static", null, null),
                new Sample("react-spa", "react-spa", null, "/about"),
                new Sample("python-stdlib", "hello from python-stdlib", "python", null),
                new Sample("python-procfile", "hello from python-procfile", "python", null),
                new Sample("go-stdlib", "hello from go-stdlib", "go", null),
                new Sample("php-app", "hello from php-app", "php", null),
                new Sample("static-site", "hello from static", "static", null),
                new Sample("dockerfile-app", "hello from dockerfile", "dockerfile", null),
                new Sample("java-app", "hello from java-app", "java", null));
    }

    @BeforeAll
    void createsAndDeploysEverySampleAtOnce() {
        deadline = Instant.now().plus(MATRIX_DEADLINE);
        samples().forEach(sample -> deployed.put(sample.name(),
                CompletableFuture.supplyAsync(() -> createAndDeploy(sample), starts)));
    }

    @AfterAll
    void stopsStarting() {
        starts.shutdownNow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void buildsAndServesTheSample(Sample sample) {
        Deployed app = deployed.get(sample.name()).join();
        JsonNode deployment = settled(app.deploymentId());

        assertThat(deployment.get("status").asString()).as("%s: error %s", sample, deployment.get("error"))
                .isEqualTo("RUNNING");
        if (sample.stack() != null) {
            assertThat(deployment.get("stack").asString()).as("stack of %s", sample).isEqualTo(sample.stack());
        }
        HttpResponse<String> root = platform.app(app.slug(), "/");
        assertThat(root.statusCode()).as("GET / of %s", sample).isEqualTo(200);
        assertThat(root.body()).as("GET / of %s", sample).contains(sample.answer());
        if (sample.clientRoute() != null) {
            HttpResponse<String> route = platform.app(app.slug(), sample.clientRoute());
            assertThat(route.statusCode()).as("GET %s of %s", sample.clientRoute(), sample).isEqualTo(200);
            assertThat(route.body()).as("GET %s of %s serves index.html", sample.clientRoute(), sample)
                    .isEqualTo(root.body());
        }
    }

    @Test
    void buildsTheAppInAMonoreposRootDirectory() throws Exception {
        Path repo = SampleRepositories.create("monorepo", "main");
        JsonNode project = platform.createProject("Sample monorepo", SampleRepositories.url(repo), "main");
        String projectId = project.get("id").asString();
        HttpResponse<String> changed = platform.patch("/api/v1/projects/" + projectId, "{\"rootDirectory\":\"apps/web\"}");
        assertThat(changed.statusCode()).as("PATCH rootDirectory: %s", changed.body()).isEqualTo(200);

        JsonNode deployment = settled(platform.deploy(projectId).get("id").asString());

        assertThat(deployment.get("status").asString()).as("error: %s", deployment.get("error")).isEqualTo("RUNNING");
        assertThat(deployment.get("stack").asString()).isEqualTo("node");
        HttpResponse<String> root = platform.app(project.get("slug").asString(), "/");
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.body()).contains("hello from monorepo apps/web");
    }

    private Deployed createAndDeploy(Sample sample) {
        try {
            Path repo = SampleRepositories.create(sample.name(), "main");
            JsonNode project = platform.createProject("Sample " + sample.name(), SampleRepositories.url(repo), "main");
            String deploymentId = platform.deploy(project.get("id").asString()).get("id").asString();
            return new Deployed(sample, project.get("slug").asString(), deploymentId);
        } catch (Exception e) {
            throw new IllegalStateException("could not deploy sample " + sample + ": " + e.getMessage(), e);
        }
    }

    /** The deployment once RUNNING or FAILED, waiting no later than the matrix deadline (at least a minute). */
    private JsonNode settled(String deploymentId) {
        Duration left = Duration.between(Instant.now(), deadline);
        platform.awaitSettled(deploymentId, left.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : left);
        return platform.deployment(deploymentId);
    }
}
