package dev.paas.build.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fixture trees, a small catalog and template rendering for the planner tests. */
final class PlannerFixtures {

    static final RuntimeImages CATALOG = stack -> switch (stack) {
        case "python" -> List.of(new RuntimeImage("python", "3.11", "paas/python:3.11", "paas/python:3.11"),
                new RuntimeImage("python", "3.12", "python:3.12-slim", "python:3.12-slim"));
        case "go" -> List.of(new RuntimeImage("go", "1.19", "paas/go:1.19", "scratch"),
                new RuntimeImage("go", "1.22", "golang:1.22-bookworm", "scratch"));
        case "php" -> List.of(new RuntimeImage("php", "8.2", "paas/php:8.2", "paas/php:8.2"),
                new RuntimeImage("php", "8.3", "composer:2", "php:8.3-apache"));
        case "java" -> List.of(new RuntimeImage("java", "17", "paas/maven:17", "paas/jre:17"),
                new RuntimeImage("java", "21", "maven:3.9-eclipse-temurin-21", "eclipse-temurin:21-jre"));
        default -> List.of();
    };
    static final RuntimeVersions RUNTIMES = new RuntimeVersions(CATALOG);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Z_]+)}}");

    private PlannerFixtures() {
    }

    static Path write(Path root, String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BuildOverrides start(String command) {
        return new BuildOverrides(null, null, null, command, null, null);
    }

    /**
     * The plan's template with its variables filled in and the extra CA line dropped; fails when the template uses a
     * variable the plan does not set, or the plan sets one the template does not use.
     */
    static String render(BuildPlan plan) {
        String template = template(plan.template());
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder rendered = new StringBuilder();
        java.util.Set<String> used = new java.util.HashSet<>();
        while (matcher.find()) {
            String name = matcher.group(1);
            if (name.equals("EXTRA_CA")) {
                matcher.appendReplacement(rendered, "");
                continue;
            }
            assertThat(plan.variables()).as("variables of %s", plan.template()).containsKey(name);
            used.add(name);
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(plan.variables().get(name)));
        }
        matcher.appendTail(rendered);
        assertThat(used).as("variables %s uses", plan.template()).containsExactlyInAnyOrderElementsOf(
                plan.variables().keySet());
        return rendered.toString();
    }

    static String template(String name) {
        try (InputStream in = PlannerFixtures.class.getClassLoader().getResourceAsStream("templates/" + name)) {
            assertThat(in).as("templates/%s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of the rendered Dockerfile, for order checks. */
    static List<String> lines(String dockerfile) {
        return dockerfile.lines().map(String::strip).toList();
    }

    static Map<String, String> variables(BuildPlan plan) {
        return plan.variables();
    }
}
