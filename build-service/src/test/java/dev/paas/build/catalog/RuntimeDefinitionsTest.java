package dev.paas.build.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.build.stack.RuntimeImage;
import dev.paas.problems.InvalidInput;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuntimeDefinitionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"node", "node:20-bookworm-slim", "paas/node:18", "library/python:3.12-slim", "scratch",
            "ghcr.io/acme/base:1.0", "localhost:5000/team/app_base:v1.2",
            "nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "registry.example.com/a/b/c:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void acceptsDockerReferences(String reference) {
        assertThat(RuntimeDefinitions.isImageReference(reference)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Node:20", "node:20 ", " node", "node 20", "node:", ":20", "node::20", "-node",
            "paas//node", "node@sha256:abc", "node:20\n", "node:a%b", "https://ghcr.io/acme/base"})
    void refusesWhatIsNoLowercaseDockerReference(String reference) {
        assertThat(RuntimeDefinitions.isImageReference(reference)).isFalse();
    }

    @Test
    void namesTheFieldAtFault() {
        assertThatThrownBy(() -> RuntimeDefinitions.checked(new RuntimeImage("ruby", "3", "ruby:3", "ruby:3")))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("stack must be one of node, python, go, php, java, static, got 'ruby'");
        assertThatThrownBy(() -> RuntimeDefinitions.checked(new RuntimeImage(null, "3", "a", "b")))
                .hasMessage("stack must not be empty");
        assertThatThrownBy(() -> RuntimeDefinitions.checked(new RuntimeImage("node", "v20", "a", "b")))
                .hasMessage("version must be a version such as 20 or 3.11, got 'v20'");
        assertThatThrownBy(() -> RuntimeDefinitions.checked(new RuntimeImage("node", "20", "Node:20", "b")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("buildImage"))
                .hasMessageContaining("got 'Node:20'");
        assertThatThrownBy(() -> RuntimeDefinitions.checked(new RuntimeImage("node", "20", "node:20", null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("runImage"));
    }

    @Test
    void ordersByStackThenNumericVersion() {
        List<String> ordered = Stream.of(entry("static", "1.27"), entry("node", "20"), entry("node", "9"),
                        entry("python", "3.9"), entry("python", "3.11"), entry("node", "18"))
                .sorted(RuntimeDefinitions.CATALOG_ORDER).map(e -> e.stack() + " " + e.version()).toList();

        assertThat(ordered).containsExactly("node 9", "node 18", "node 20", "python 3.9", "python 3.11",
                "static 1.27");
    }

    private static RuntimeEntry entry(String stack, String version) {
        return new RuntimeEntry(null, stack, version, "x", "x", null, null);
    }
}
