package dev.paas.project.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.problems.InvalidInput;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuildSettingsTest {

    private static final BuildSettings SET = new BuildSettings("apps/web", "npm ci", "npm run build", "node server.js",
            3000, "docker/Dockerfile");

    @Test
    void acceptsRelativePathsCommandsAndAPort() {
        SET.check();
        new BuildSettings("./apps/web/", "a && b\nc", null, null, 1, "Dockerfile.prod").check();
        new BuildSettings(null, null, null, null, 65_535, null).check();
        BuildSettings.NONE.check();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc", "../..", "apps/../../x", "a\\..\\b", "C:\\repo", "a\nb", "a\0b", " "})
    void refusesARootDirectoryOutsideTheRepositoryOrMalformed(String path) {
        assertThatThrownBy(() -> new BuildSettings(path, null, null, null, null, null).check())
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("rootDirectory"));
        assertThatThrownBy(() -> new BuildSettings(null, null, null, null, null, path).check())
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("dockerfilePath"));
    }

    @Test
    void refusesOverlongPathsAndCommandsAndCommandsWithNul() {
        assertThatThrownBy(() -> new BuildSettings("a".repeat(256), null, null, null, null, null).check())
                .hasMessage("rootDirectory must be at most 255 characters");
        new BuildSettings(null, "x".repeat(1000), null, null, null, null).check();
        assertThatThrownBy(() -> new BuildSettings(null, null, "x".repeat(1001), null, null, null).check())
                .hasMessage("buildCommand must be at most 1000 characters");
        assertThatThrownBy(() -> new BuildSettings(null, null, null, "node\0x", null, null).check())
                .hasMessage("startCommand must not contain NUL characters");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65_536})
    void refusesPortsOutsideTheTcpRange(int port) {
        assertThatThrownBy(() -> new BuildSettings(null, null, null, null, port, null).check())
                .hasMessage("port must be from 1 to 65535, was " + port);
    }

    @Test
    void replacesOnlyTheNamedSettingsAndClearsThoseNamedAsNull() {
        BuildSettings given = new BuildSettings(null, null, "make", null, null, null);

        BuildSettings changed = SET.overriddenBy(given, Set.of("buildCommand", "port"));

        assertThat(changed).isEqualTo(new BuildSettings("apps/web", "npm ci", "make", "node server.js", null,
                "docker/Dockerfile"));
        assertThat(SET.overriddenBy(given, Set.of())).isEqualTo(SET);
    }
}
