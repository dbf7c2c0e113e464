package dev.paas.project.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.problems.InvalidInput;
import dev.paas.project.projects.BuildSettings;
import dev.paas.project.projects.ProjectRegistration.ProjectSettings;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ProjectPatchTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void tellsSetAndClearedBuildSettingsFromThoseLeftOut() {
        ProjectSettings settings = read("{\"rootDirectory\":\"apps/web\",\"startCommand\":null,\"port\":8080}");

        assertThat(settings.buildSettings()).isEqualTo(new BuildSettings("apps/web", null, null, null, 8080, null));
        assertThat(settings.buildSettingsNamed()).containsExactlyInAnyOrder("rootDirectory", "startCommand", "port");
        assertThat(settings.branch()).isNull();
        assertThat(settings.autoDeploy()).isNull();
    }

    @Test
    void readsBranchAndAutoDeployAsBefore() {
        ProjectSettings settings = read("{\"branch\":\"release\",\"autoDeploy\":false}");

        assertThat(settings.branch()).isEqualTo("release");
        assertThat(settings.autoDeploy()).isFalse();
        assertThat(settings.buildSettingsNamed()).isEqualTo(Set.of());
    }

    @Test
    void refusesUnknownFieldsAndWrongTypesNamingTheField() {
        assertField("{\"rootDir\":\"x\"}", "rootDir");
        assertField("{\"port\":\"80\"}", "port");
        assertField("{\"port\":80.5}", "port");
        assertField("{\"port\":12345678901}", "port");
        assertField("{\"buildCommand\":[\"make\"]}", "buildCommand");
        assertField("{\"autoDeploy\":\"sometimes\"}", "autoDeploy");
        assertField("{\"branch\":\"" + "b".repeat(201) + "\"}", "branch");
        assertField("[1]", "body");
    }

    private static void assertField(String body, String field) {
        assertThatThrownBy(() -> read(body)).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo(field));
    }

    private static ProjectSettings read(String body) {
        return ProjectPatch.read(JSON.readTree(body));
    }
}
