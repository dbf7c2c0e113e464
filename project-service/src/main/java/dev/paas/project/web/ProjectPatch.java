package dev.paas.project.web;

import dev.paas.problems.InvalidInput;
import dev.paas.project.projects.BuildSettings;
import dev.paas.project.projects.ProjectRegistration.ProjectSettings;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Reads the body of {@code PATCH /api/v1/projects/{id}}: a JSON object of the settings to change. A build setting
 * sent as {@code null} is cleared, one left out stays; {@code branch} and {@code autoDeploy} cannot be cleared, so
 * {@code null} leaves them too. A field that is not a setting, or a value of the wrong type, is refused naming it.
 */
final class ProjectPatch {

    private static final int MAX_BRANCH_LENGTH = 200;
    private static final Set<String> KNOWN;

    static {
        Set<String> known = new TreeSet<>(BuildSettings.NAMES);
        known.add("autoDeploy");
        known.add("branch");
        KNOWN = Set.copyOf(known);
    }

    private ProjectPatch() {
    }

    /** The settings {@code body} asks to change. */
    static ProjectSettings read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInput("body", "must be a JSON object of the settings to change");
        }
        Set<String> named = new HashSet<>();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (!KNOWN.contains(field.getKey())) {
                throw new InvalidInput(field.getKey(), "is not a project setting; the settings are "
                        + String.join(", ", new TreeSet<>(KNOWN)));
            }
            if (BuildSettings.NAMES.contains(field.getKey())) {
                named.add(field.getKey());
            }
        }
        String branch = text(body, "branch");
        if (branch != null && branch.length() > MAX_BRANCH_LENGTH) {
            throw new InvalidInput("branch", "size must be between 0 and " + MAX_BRANCH_LENGTH);
        }
        BuildSettings settings = new BuildSettings(text(body, "rootDirectory"), text(body, "installCommand"),
                text(body, "buildCommand"), text(body, "startCommand"), port(body), text(body, "dockerfilePath"));
        return new ProjectSettings(bool(body, "autoDeploy"), branch, settings, named);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidInput(field, "must be a string or null");
        }
        return value.asString();
    }

    private static Boolean bool(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new InvalidInput(field, "must be true or false");
        }
        return value.asBoolean();
    }

    private static Integer port(JsonNode body) {
        JsonNode value = body.get("port");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidInput("port", "must be a whole number from 1 to 65535, or null");
        }
        return value.asInt();
    }
}
