package dev.paas.build.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.build.BuildFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildContextsTest {

    @TempDir
    Path repo;

    @TempDir
    Path elsewhere;

    private final List<String> log = new ArrayList<>();
    private final StackDetector detector = new StackDetector(
            new RuntimeCatalog(List.of(StackDetectorTest.NODE, StackDetectorTest.STATIC)));

    @Test
    void generatesADockerfileAndKeepsGitAndNodeModulesOutOfTheContext() throws IOException {
        Files.writeString(repo.resolve("package.json"), "{}");
        Files.createDirectories(repo.resolve(".git"));

        PreparedContext context = contexts(Optional.empty()).prepare(repo, log::add);

        assertThat(context.stack().name()).isEqualTo("node");
        assertThat(context.port()).hasValue(3000);
        assertThat(context.dockerfile()).isEqualTo(repo.resolve("Dockerfile"));
        assertThat(Files.readString(context.dockerfile())).contains("FROM node:20-bookworm-slim")
                .doesNotContain("update-ca-certificates");
        assertThat(Files.readAllLines(repo.resolve(".dockerignore"))).containsExactly(".git", "node_modules");
        assertThat(repo.resolve(DockerfileTemplates.EXTRA_CA_FILE)).doesNotExist();
        assertThat(log).anyMatch(line -> line.startsWith("Detected stack: node (found package.json"));
    }

    @Test
    void copiesTheExtraCaBundleIntoTheContextWhenConfigured() throws IOException {
        Files.writeString(repo.resolve("package.json"), "{}");
        Files.writeString(repo.resolve(".dockerignore"), ".*");
        Path bundle = Files.writeString(elsewhere.resolve("proxy-ca.pem"), "-----BEGIN CERTIFICATE-----\n");

        PreparedContext context = contexts(Optional.of(bundle)).prepare(repo, log::add);

        assertThat(repo.resolve(DockerfileTemplates.EXTRA_CA_FILE)).hasSameTextualContentAs(bundle);
        assertThat(Files.readString(context.dockerfile())).contains("update-ca-certificates", "NODE_EXTRA_CA_CERTS");
        assertThat(Files.readAllLines(repo.resolve(".dockerignore")))
                .containsExactly(".*", ".git", "node_modules", "!" + DockerfileTemplates.EXTRA_CA_FILE);
    }

    @Test
    void leavesTheCaBundleOutOfAStaticSite() throws IOException {
        Files.writeString(repo.resolve("index.html"), "<h1>hi</h1>");
        Path bundle = Files.writeString(elsewhere.resolve("proxy-ca.pem"), "-----BEGIN CERTIFICATE-----\n");

        PreparedContext context = contexts(Optional.of(bundle)).prepare(repo, log::add);

        assertThat(context.stack().name()).isEqualTo("static");
        assertThat(context.port()).hasValue(80);
        assertThat(repo.resolve(DockerfileTemplates.EXTRA_CA_FILE)).doesNotExist();
    }

    @Test
    void failsClearlyWhenTheConfiguredCaBundleIsMissing() throws IOException {
        Files.writeString(repo.resolve("package.json"), "{}");

        assertThatThrownBy(() -> contexts(Optional.of(elsewhere.resolve("missing.pem"))).prepare(repo, log::add))
                .isInstanceOf(BuildFailure.class)
                .hasMessageContaining("the extra CA bundle")
                .hasMessageContaining("does not exist or cannot be read");
    }

    @Test
    void keepsTheRepositorysOwnDockerfileAndReadsItsPort() throws IOException {
        Files.writeString(repo.resolve("Dockerfile"), "FROM paas/node:18\nEXPOSE 8080\n");
        Files.writeString(repo.resolve("package.json"), "{}");
        Files.writeString(repo.resolve(".dockerignore"), "node_modules\n.git\n");

        PreparedContext context = contexts(Optional.empty()).prepare(repo, log::add);

        assertThat(context.stack()).isEqualTo(new Stack.OwnDockerfile());
        assertThat(context.port()).hasValue(8080);
        assertThat(Files.readString(repo.resolve("Dockerfile"))).isEqualTo("FROM paas/node:18\nEXPOSE 8080\n");
        assertThat(Files.readString(repo.resolve(".dockerignore"))).isEqualTo("node_modules\n.git\n");
    }

    @Test
    void refusesASymbolicLinkThatLeadsOutOfTheRepository() throws IOException {
        Files.writeString(repo.resolve("index.html"), "<h1>hi</h1>");
        Files.createDirectories(repo.resolve("assets"));
        Files.createSymbolicLink(repo.resolve("assets/host"), elsewhere);

        assertThatThrownBy(() -> contexts(Optional.empty()).prepare(repo, log::add))
                .isInstanceOf(BuildFailure.class)
                .hasMessageStartingWith("the repository contains a symbolic link that points outside it: assets/host");
    }

    @Test
    void acceptsSymbolicLinksWithinTheRepository() throws IOException {
        Files.writeString(repo.resolve("index.html"), "<h1>hi</h1>");
        Files.createSymbolicLink(repo.resolve("home.html"), Path.of("index.html"));

        assertThat(contexts(Optional.empty()).prepare(repo, log::add).stack().name()).isEqualTo("static");
    }

    private BuildContexts contexts(Optional<Path> extraCa) {
        return new BuildContexts(detector, new DockerfileTemplates(), extraCa);
    }
}
