package dev.paas.build.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerfileTemplatesTest {

    private final DockerfileTemplates templates = new DockerfileTemplates(name -> switch (name) {
        case "app.Dockerfile" -> "FROM {{BUILD_IMAGE}} AS build\n{{EXTRA_CA}}\nRUN {{INSTALL}}\nFROM {{RUN_IMAGE}}\n"
                + "  {{EXTRA_CA}}\nEXPOSE {{PORT}}\n";
        case "plain.Dockerfile" -> "FROM {{RUN_IMAGE}}\nCOPY . /srv/\n";
        case "extra-ca.fragment" -> "COPY {{EXTRA_CA_FILE}} /ca.crt\n";
        default -> null;
    });

    private final Map<String, String> variables = Map.of("BUILD_IMAGE", "node:20", "RUN_IMAGE", "node:20-slim",
            "PORT", "3000", "INSTALL", "npm ci");

    @Test
    void fillsThePlaceholdersFromTheVariables() {
        assertThat(templates.render("app.Dockerfile", variables, false))
                .isEqualTo("FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\nEXPOSE 3000\n");
    }

    @Test
    void putsTheExtraCaBlockOnEveryExtraCaLineWhenAsked() {
        assertThat(templates.render("app.Dockerfile", variables, true))
                .isEqualTo("FROM node:20 AS build\nCOPY .paas-extra-ca.crt /ca.crt\nRUN npm ci\nFROM node:20-slim\n"
                        + "COPY .paas-extra-ca.crt /ca.crt\nEXPOSE 3000\n");
        assertThat(templates.usesExtraCa("app.Dockerfile")).isTrue();
        assertThat(templates.usesExtraCa("plain.Dockerfile")).isFalse();
    }

    @Test
    void doesNotExpandPlaceholdersInsideValues() {
        assertThat(templates.render("app.Dockerfile", Map.of("BUILD_IMAGE", "a", "RUN_IMAGE", "b", "PORT", "1",
                "INSTALL", "echo '{{PORT}}' $1 \\"), false)).contains("RUN echo '{{PORT}}' $1 \\\n");
    }

    @Test
    void failsLoudlyOnAPlaceholderWithoutAValue() {
        assertThatThrownBy(() -> templates.render("app.Dockerfile", Map.of("BUILD_IMAGE", "node:20"), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("template templates/app.Dockerfile left placeholders without a value: INSTALL, PORT,"
                        + " RUN_IMAGE");
    }

    @Test
    void verifiesThatEveryTemplateExists() {
        templates.verify(List.of("app.Dockerfile", "plain.Dockerfile"));
        assertThatThrownBy(() -> templates.verify(List.of("go.Dockerfile")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("template templates/go.Dockerfile not found on the classpath");
    }

    @Test
    void theShippedTemplatesOfEveryPlannerExist() {
        DockerfileTemplates shipped = new DockerfileTemplates();
        shipped.verify(StackConfiguration.planners().stream().flatMap(planner -> planner.templates().stream())
                .toList());
        assertThat(shipped.usesExtraCa(StaticPlanner.TEMPLATE)).isFalse();
        assertThat(shipped.usesExtraCa(NodePlanner.SERVER_TEMPLATE)).isTrue();
        assertThat(shipped.usesExtraCa(NodePlanner.STATIC_TEMPLATE)).isTrue();
        assertThat(shipped.usesExtraCa(NodePlanner.NEXT_TEMPLATE)).isTrue();
    }
}
