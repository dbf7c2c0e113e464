package dev.paas.build.stack;

import static dev.paas.build.stack.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.build.BuildFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildContextsTest {

    @TempDir
    Path repo;

    @TempDir
    Path elsewhere;

    private final List<String> log = new ArrayList<>();

    @Test
    void generatesADockerfileExplainsTheDetectionAndKeepsGitAndNodeModulesOut() throws IOException {
        write(repo, "package.json", "{\"devDependencies\": {\"vite\": \"5.0.0\"}, \"scripts\": {\"build\": \"vite build\"}}",
                "package-lock.json", "{}", "engines-free.txt", "");
        Files.createDirectories(repo.resolve(".git"));

        PreparedContext context = prepare(BuildOverrides.NONE);

        assertThat(context.stack()).isEqualTo("node");
        assertThat(context.port()).hasValue(8080);
        assertThat(context.directory()).isEqualTo(repo);
        assertThat(context.dockerfile()).isEqualTo(repo.resolve("Dockerfile"));
        assertThat(Files.readString(context.dockerfile())).contains("FROM node:22-bookworm-slim AS build",
                "COPY package.json package-lock.json ./", "RUN npm ci --no-audit --no-fund", "RUN npm run build",
                "FROM nginx:1.27-alpine", "try_files $uri $uri/ /index.html;", "listen 8080;", "USER 10001")
                .doesNotContain("update-ca-certificates", "{{");
        assertThat(Files.readAllLines(repo.resolve(".dockerignore")))
                .containsExactly(".git", "node_modules", "npm-debug.log", ".next", ".npm");
        assertThat(repo.resolve(DockerfileTemplates.EXTRA_CA_FILE)).doesNotExist();
        assertThat(log).contains("Detect: detected Node 22 (package-lock.json, npm ci --no-audit --no-fund)",
                "Detect: build script found (npm run build)",
                "Detect: serving dist/ as a static site (vite's output), with fallback to /index.html");
    }

    @Test
    void copiesTheExtraCaBundleIntoTheContextWhenConfigured() throws IOException {
        write(repo, "package.json", "{\"scripts\": {\"start\": \"node server.js\"}}", ".dockerignore", ".*");
        Path bundle = Files.writeString(elsewhere.resolve("proxy-ca.pem"), "-----BEGIN CERTIFICATE-----\n");

        PreparedContext context = contexts(Optional.of(bundle)).prepare(repo, BuildOverrides.NONE, log::add);

        assertThat(repo.resolve(DockerfileTemplates.EXTRA_CA_FILE)).hasSameTextualContentAs(bundle);
        assertThat(Files.readString(context.dockerfile())).contains("update-ca-certificates", "NODE_EXTRA_CA_CERTS");
        assertThat(Files.readAllLines(repo.resolve(".dockerignore"))).first().isEqualTo(".*");
        assertThat(Files.readAllLines(repo.resolve(".dockerignore")))
                .endsWith("!" + DockerfileTemplates.EXTRA_CA_FILE);
    }

    @Test
    void servesAPlainSiteWithoutTheCaBundle() throws IOException {
        write(repo, "index.html", "<h1>hi</h1>");
        Path bundle = Files.writeString(elsewhere.resolve("proxy-ca.pem"), "-----BEGIN CERTIFICATE-----\n");

        PreparedContext context = contexts(Optional.of(bundle)).prepare(repo, BuildOverrides.NONE, log::add);

        assertThat(context.stack()).isEqualTo("static");
        assertThat(context.port()).hasValue(8080);
        assertThat(repo.resolve(DockerfileTemplates.EXTRA_CA_FILE)).doesNotExist();
        assertThat(Files.readString(context.dockerfile())).contains("FROM nginx:1.27-alpine", "COPY . /srv/site/",
                "try_files $uri $uri/ =404;", "USER 10001").doesNotContain("paas-extra-ca");
        assertThat(log).contains("Detect: detected a static site (index.html): served as is by nginx on"
                + " nginx:1.27-alpine");
    }

    @Test
    void failsClearlyWhenTheConfiguredCaBundleIsMissingAndWritesNothing() throws IOException {
        write(repo, "package.json", "{\"scripts\": {\"start\": \"node server.js\"}}");

        assertThatThrownBy(() -> contexts(Optional.of(elsewhere.resolve("missing.pem")))
                .prepare(repo, BuildOverrides.NONE, log::add))
                .isInstanceOf(BuildFailure.class)
                .hasMessageContaining("the extra CA bundle")
                .hasMessageContaining("does not exist or cannot be read");
        assertThat(files()).containsExactly("package.json");
    }

    @Test
    void keepsTheRepositorysOwnDockerfileAndReadsItsPort() throws IOException {
        write(repo, "Dockerfile", "FROM paas/node:18\nEXPOSE 8080\n", "package.json", "{}",
                ".dockerignore", "node_modules\n.git\n");

        PreparedContext context = prepare(BuildOverrides.NONE);

        assertThat(context.stack()).isEqualTo("dockerfile");
        assertThat(context.plan().template()).isNull();
        assertThat(context.port()).hasValue(8080);
        assertThat(Files.readString(repo.resolve("Dockerfile"))).isEqualTo("FROM paas/node:18\nEXPOSE 8080\n");
        assertThat(Files.readString(repo.resolve(".dockerignore"))).isEqualTo("node_modules\n.git\n");
        assertThat(log).contains("Detect: using the repository's own Dockerfile (EXPOSE 8080); detection skipped");
    }

    @Test
    void theDockerfilePathOverrideWinsAndThePortOverrideReplacesExpose() {
        write(repo, "package.json", "{\"scripts\": {\"start\": \"node server.js\"}}",
                "deploy/app.Dockerfile", "FROM paas/node:18\nEXPOSE 8080\n");

        PreparedContext context = prepare(new BuildOverrides(null, null, null, null, 9000, "deploy/app.Dockerfile"));

        assertThat(context.stack()).isEqualTo("dockerfile");
        assertThat(context.dockerfile()).isEqualTo(repo.resolve("deploy/app.Dockerfile"));
        assertThat(context.port()).hasValue(9000);
    }

    @Test
    void aMissingDockerfilePathFails() {
        write(repo, "package.json", "{}");

        assertThatThrownBy(() -> prepare(new BuildOverrides(null, null, null, null, null, "docker/Dockerfile")))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("the Dockerfile path 'docker/Dockerfile' does not exist in the repository");
    }

    @Test
    void theRootDirectoryBecomesTheContext() throws IOException {
        write(repo, "README.md", "monorepo", "apps/web/package.json", "{\"scripts\": {\"start\": \"node main.js\"}}",
                "apps/site/index.html", "<h1>hi</h1>");

        PreparedContext context = prepare(new BuildOverrides("apps/./web/", null, null, null, null, null));

        assertThat(context.directory()).isEqualTo(repo.resolve("apps/web"));
        assertThat(context.dockerfile()).isEqualTo(repo.resolve("apps/web/Dockerfile"));
        assertThat(context.stack()).isEqualTo("node");
        assertThat(repo.resolve("Dockerfile")).doesNotExist();
    }

    @Test
    void aRootDirectoryOutsideTheRepositoryFailsAndTouchesNothing() throws IOException {
        write(repo, "index.html", "<h1>hi</h1>");

        for (String root : List.of("../..", "..", "apps/../../x", "/etc", "C:\\Windows")) {
            assertThatThrownBy(() -> prepare(new BuildOverrides(root, null, null, null, null, null)))
                    .as(root).isInstanceOf(BuildFailure.class)
                    .hasMessageStartingWith("the root directory '" + root + "'");
        }
        assertThatThrownBy(() -> prepare(new BuildOverrides("apps", null, null, null, null, null)))
                .isInstanceOf(BuildFailure.class).hasMessage("the root directory 'apps' does not exist in the"
                        + " repository");
        assertThat(files()).containsExactly("index.html");
    }

    @Test
    void aRootDirectoryLinkLeadingOutOfTheRepositoryFails() throws IOException {
        write(repo, "index.html", "<h1>hi</h1>");
        Files.createSymbolicLink(repo.resolve("apps"), elsewhere);

        assertThatThrownBy(() -> prepare(new BuildOverrides("apps", null, null, null, null, null)))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("the root directory 'apps' points outside the repository");
    }

    @Test
    void aGiganticFileFailsTheBuildBeforeAnythingIsWritten() throws IOException {
        write(repo, "index.html", "<h1>hi</h1>");
        // Sparse: 600 MiB long, no disk used.
        try (var file = new java.io.RandomAccessFile(repo.resolve("dump.bin").toFile(), "rw")) {
            file.setLength(600L * 1024 * 1024);
        }

        assertThatThrownBy(() -> prepare(BuildOverrides.NONE))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("the repository contains a file too big to build: dump.bin is 600 MiB, the limit is 512"
                        + " MiB per file; keep such files out of the repository (object storage, Git LFS)");
        assertThat(repo.resolve("Dockerfile")).doesNotExist();
    }

    @Test
    void aRepositoryTooBigInAllFailsTheBuild() throws IOException {
        write(repo, "index.html", "<h1>hi</h1>", "a.txt", "x".repeat(600), "b.txt", "y".repeat(600));

        assertThatThrownBy(() -> ContextLinks.requireInside(repo, 1000, 1000))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("the repository is too big to build: more than 0 MiB of files (without .git)");
    }

    @Test
    void aDockerfilePathOutsideTheRepositoryFailsAndTouchesNothing() throws IOException {
        write(repo, "index.html", "<h1>hi</h1>", "apps/web/index.html", "<h1>web</h1>");
        write(elsewhere, "Dockerfile", "FROM scratch\n");

        assertThatThrownBy(() -> prepare(new BuildOverrides(null, null, null, null, null, "../Dockerfile")))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("the Dockerfile path '../Dockerfile' points outside the repository");
        assertThatThrownBy(() -> prepare(new BuildOverrides(null, null, null, null, null,
                elsewhere.resolve("Dockerfile").toString())))
                .isInstanceOf(BuildFailure.class)
                .hasMessageEndingWith("must be relative to the repository, not an absolute path");
        assertThatThrownBy(() -> prepare(new BuildOverrides("apps/web", null, null, null, null, "../../../Dockerfile")))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("the Dockerfile path '../../../Dockerfile' points outside the repository");
        assertThatThrownBy(() -> prepare(new BuildOverrides("apps/web", null, null, null, null, "/etc/passwd")))
                .isInstanceOf(BuildFailure.class)
                .hasMessageEndingWith("must be relative to the repository, not an absolute path");
        assertThatThrownBy(() -> prepare(new BuildOverrides("apps/web", null, null, null, null, "../../index.html")))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("the Dockerfile path '../../index.html' points outside the root directory (the build"
                        + " context)");
        Files.createSymbolicLink(repo.resolve("Dockerfile.link"), elsewhere.resolve("Dockerfile"));
        assertThatThrownBy(() -> prepare(new BuildOverrides(null, null, null, null, null, "Dockerfile.link")))
                .isInstanceOf(BuildFailure.class);
        assertThat(files()).containsExactlyInAnyOrder("index.html", "apps", "Dockerfile.link");
    }

    @Test
    void multiLineCommandsAndBadPortsAreRefused() {
        write(repo, "package.json", "{}");

        assertThatThrownBy(() -> prepare(new BuildOverrides(null, null, "npm run build\nFROM scratch", null, null,
                null))).isInstanceOf(BuildFailure.class).hasMessage("the build command override must be a single line");
        assertThatThrownBy(() -> prepare(new BuildOverrides(null, null, null, null, 70000, null)))
                .isInstanceOf(BuildFailure.class).hasMessage("the port override 70000 is not a TCP port (1-65535)");
    }

    @Test
    void nothingDetectedSaysWhatIsLookedFor() {
        write(repo, "README.md", "# just docs");

        assertThatThrownBy(() -> prepare(BuildOverrides.NONE))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("no supported stack detected: looked for a Dockerfile, package.json, requirements.txt or"
                        + " pyproject.toml, go.mod, pom.xml or build.gradle, composer.json or index.php, or"
                        + " index.html in the repository root");
    }

    @Test
    void refusesASymbolicLinkThatLeadsOutOfTheRepository() throws IOException {
        write(repo, "index.html", "<h1>hi</h1>");
        Files.createDirectories(repo.resolve("assets"));
        Files.createSymbolicLink(repo.resolve("assets/host"), elsewhere);

        assertThatThrownBy(() -> prepare(BuildOverrides.NONE))
                .isInstanceOf(BuildFailure.class)
                .hasMessageStartingWith("the repository contains a symbolic link that points outside it: assets/host");
    }

    @Test
    void acceptsSymbolicLinksWithinTheRepository() throws IOException {
        write(repo, "index.html", "<h1>hi</h1>");
        Files.createSymbolicLink(repo.resolve("home.html"), Path.of("index.html"));

        assertThat(prepare(BuildOverrides.NONE).stack()).isEqualTo("static");
    }

    @Test
    void plannersComeInPrecedenceOrder() {
        write(repo, "package.json", "{\"scripts\": {\"start\": \"node server.js\"}}", "index.html", "<h1>hi</h1>");

        assertThat(prepare(BuildOverrides.NONE).stack()).isEqualTo("node");
        assertThat(StackConfiguration.planners().getLast()).isInstanceOf(StaticPlanner.class);
    }

    private PreparedContext prepare(BuildOverrides overrides) {
        return contexts(Optional.empty()).prepare(repo, overrides, log::add);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> entries = Files.list(repo)) {
            return entries.map(path -> path.getFileName().toString()).toList();
        }
    }

    private static BuildContexts contexts(Optional<Path> extraCa) {
        return new BuildContexts(StackConfiguration.planners(), Fixtures.RUNTIMES, new DockerfileTemplates(), extraCa);
    }
}
