package dev.paas.build.builds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.build.stack.BuildContexts;
import dev.paas.build.stack.BuildOverrides;
import dev.paas.build.stack.DockerfileTemplates;
import dev.paas.build.stack.PreparedContext;
import dev.paas.build.stack.RuntimeImage;
import dev.paas.build.stack.RuntimeImages;
import dev.paas.build.stack.RuntimeVersions;
import dev.paas.build.stack.StackConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated Dockerfile, rendered as a build renders it (extra CA block included), maps its steps to phases
 * through its {@code # paas-phase:} markers: the build stage up to the dependency install is {@code install}, from
 * the copy of the sources on {@code build}, the final stage {@code image}.
 */
class GeneratedDockerfilePhasesTest {

    private static final RuntimeImages CATALOG = stack -> switch (stack) {
        case "node" -> List.of(new RuntimeImage("node", "18", "paas/node:18", "paas/node:18"));
        case "static" -> List.of(new RuntimeImage("static", "bookworm", "paas/nginx:bookworm", "paas/nginx:bookworm"));
        case "python" -> List.of(new RuntimeImage("python", "3.11", "paas/python:3.11", "paas/python:3.11"));
        case "go" -> List.of(new RuntimeImage("go", "1.19", "paas/go:1.19", "scratch"));
        case "java" -> List.of(new RuntimeImage("java", "17", "paas/maven:17", "paas/jre:17"));
        case "php" -> List.of(new RuntimeImage("php", "8.2", "paas/php:8.2", "paas/php:8.2"));
        default -> List.of();
    };

    @TempDir
    Path repo;

    @TempDir
    Path elsewhere;

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("node-server.Dockerfile", List.of("package.json",
                        "{\"scripts\": {\"build\": \"tsc\", \"start\": \"node dist/server.js\"}}",
                        "package-lock.json", "{}")),
                Arguments.of("node-static.Dockerfile", List.of("package.json",
                        "{\"devDependencies\": {\"vite\": \"5.0.0\"}, \"scripts\": {\"build\": \"vite build\"}}",
                        "package-lock.json", "{}")),
                Arguments.of("node-next.Dockerfile", List.of("package.json",
                        "{\"dependencies\": {\"next\": \"14.2.0\"}, \"scripts\": {\"build\": \"next build\"}}",
                        "package-lock.json", "{}", "next.config.js", "module.exports = { output: 'standalone' };")),
                Arguments.of("python.Dockerfile", List.of("requirements.txt", "flask\ngunicorn\n", "app.py",
                        "from flask import Flask\napp = Flask(__name__)\n")),
                Arguments.of("go.Dockerfile", List.of("go.mod", "module example.com/hello\ngo 1.19\n", "main.go",
                        "package main\nfunc main() {}\n")),
                Arguments.of("java-maven.Dockerfile", List.of("pom.xml", "<project/>")),
                Arguments.of("java-gradle.Dockerfile", List.of("build.gradle", "plugins { id 'application' }\n")),
                Arguments.of("php.Dockerfile", List.of("composer.json", "{\"require\": {\"php\": \"^8.2\"}}",
                        "composer.lock", "{}", "index.php", "<?php echo 'hi';")),
                Arguments.of("static.Dockerfile", List.of("index.html", "<h1>hi</h1>")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repositories")
    void eachStepOfTheRenderedTemplateHasItsPhase(String template, List<String> files) throws IOException {
        for (int i = 0; i < files.size(); i += 2) {
            Files.writeString(repo.resolve(files.get(i)), files.get(i + 1));
        }
        Path bundle = Files.writeString(elsewhere.resolve("proxy-ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        PreparedContext context = new BuildContexts(StackConfiguration.planners(), new RuntimeVersions(CATALOG),
                new DockerfileTemplates(), Optional.of(bundle)).prepare(repo, BuildOverrides.NONE, line -> { });
        assertThat(context.plan().template()).isEqualTo(template);

        List<String> steps = steps(Files.readString(context.dockerfile()));
        DockerfilePhases phases = DockerfilePhases.of(context.dockerfile());
        int total = steps.size();
        assertThat(phases.ofStep(1, total - 1)).as("the markers count the builder's steps").isEmpty();
        assertThat(phases.ofStep(total + 3, total + 3)).as("the LABEL steps of the request's labels")
                .contains(BuildPhase.IMAGE);

        int lastFrom = lastIndexOf(steps, "FROM ");
        int sources = steps.indexOf("COPY . .");
        boolean singleStage = steps.stream().filter(step -> step.startsWith("FROM ")).count() == 1;
        for (int step = 0; step < total; step++) {
            BuildPhase expected = step >= lastFrom ? BuildPhase.IMAGE
                    : step >= sources ? BuildPhase.BUILD : BuildPhase.INSTALL;
            assertThat(phases.ofStep(step + 1, total)).as("step %d/%d %s", step + 1, total, steps.get(step))
                    .contains(expected);
        }
        assertThat(steps.getFirst()).startsWith("FROM ");
        assertThat(steps.get(lastFrom)).isEqualTo("FROM " + context.plan().variables().get("RUN_IMAGE"));
        if (singleStage) {
            assertThat(phases.first()).contains(BuildPhase.IMAGE);
        } else {
            assertThat(phases.first()).contains(BuildPhase.INSTALL);
            Map<String, String> variables = context.plan().variables();
            int install = steps.indexOf("RUN " + variables.get("INSTALL_COMMAND"));
            assertThat(install).as("the dependency install").isPositive().isLessThan(sources);
            assertThat(phases.ofStep(install + 1, total)).contains(BuildPhase.INSTALL);
            String build = variables.containsKey("BUILD_STEP") ? variables.get("BUILD_STEP")
                    : "RUN " + variables.get("BUILD_COMMAND");
            int built = indexContaining(steps, build.substring("RUN ".length()));
            assertThat(built).as("the app build").isGreaterThan(sources).isLessThan(lastFrom);
            assertThat(phases.ofStep(built + 1, total)).contains(BuildPhase.BUILD);
        }
        assertThat(phases.ofStep(total, total)).as(steps.getLast()).contains(BuildPhase.IMAGE);
    }

    /** The instructions as the classic builder counts its steps: continuation lines joined, comments skipped. */
    private static List<String> steps(String dockerfile) {
        List<String> steps = new ArrayList<>();
        StringBuilder current = null;
        for (String raw : dockerfile.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (current == null) {
                current = new StringBuilder();
            }
            current.append(line.endsWith("\\") ? line.substring(0, line.length() - 1).strip() + " " : line);
            if (!line.endsWith("\\")) {
                steps.add(current.toString());
                current = null;
            }
        }
        return steps;
    }

    private static int lastIndexOf(List<String> steps, String prefix) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexContaining(List<String> steps, String text) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).startsWith("RUN ") && steps.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
