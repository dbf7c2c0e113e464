package dev.paas.build.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.build.BuildFailure;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StackDetectorTest {

    static final Runtime NODE = new Runtime("node", "node:20-bookworm-slim", 3000, List.of("package.json"), 10, "",
            List.of("node_modules"));
    static final Runtime STATIC = new Runtime("static", "nginx:1.27-alpine", 80, List.of("index.html"), 20, "",
            List.of());

    private final StackDetector detector = new StackDetector(new RuntimeCatalog(List.of(STATIC, NODE)));

    @Test
    void detectsTheRepositorysOwnDockerfileBeforeAnythingElse() {
        assertThat(detector.require(Set.of("Dockerfile", "package.json", "index.html")))
                .isEqualTo(new Stack.OwnDockerfile());
        assertThat(detector.require(Set.of("Dockerfile")).name()).isEqualTo("dockerfile");
    }

    @Test
    void detectsNodeFromPackageJsonBeforeStatic() {
        Stack stack = detector.require(Set.of("package.json", "index.html", "README.md"));

        assertThat(stack).isEqualTo(new Stack.FromTemplate(NODE));
        assertThat(stack.name()).isEqualTo("node");
    }

    @Test
    void detectsAStaticSiteFromIndexHtml() {
        assertThat(detector.require(Set.of("index.html", "style.css"))).isEqualTo(new Stack.FromTemplate(STATIC));
    }

    @Test
    void failsWithTheListOfSupportedFilesWhenNothingMatches() {
        assertThatThrownBy(() -> detector.require(Set.of("README.md", "main.py")))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("no supported stack detected: expected a Dockerfile, package.json or index.html at the"
                        + " repository root");
    }

    @Test
    void isCaseSensitiveLikeTheBuilder() {
        assertThat(detector.detect(Set.of("dockerfile", "INDEX.HTML"))).isEmpty();
    }

    @Test
    void aNewRuntimeIsACatalogEntry() {
        Runtime python = new Runtime("python", "python:3.11-slim", 8000, List.of("requirements.txt", "pyproject.toml"),
                15, "", List.of());
        StackDetector withPython = new StackDetector(new RuntimeCatalog(List.of(NODE, STATIC, python)));

        assertThat(withPython.require(Set.of("pyproject.toml", "index.html"))).isEqualTo(new Stack.FromTemplate(python));
        assertThat(withPython.require(Set.of("package.json", "requirements.txt")).name()).isEqualTo("node");
        assertThatThrownBy(() -> withPython.require(Set.of()))
                .hasMessageContaining("expected a Dockerfile, package.json, requirements.txt, pyproject.toml or"
                        + " index.html");
    }
}
