package dev.paas.runtime.environment;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a project's environment may hold. {@code where} names the part of the request at fault ({@code variables},
 * {@code line 3}, {@code path}, {@code body}); messages name keys and sizes, never values.
 */
final class EnvironmentRules {

    static final int MAX_KEY_LENGTH = 255;
    static final int MAX_VALUE_BYTES = 32 * 1024;
    static final int MAX_VARIABLES = 200;
    static final int MAX_TOTAL_BYTES = 256 * 1024;

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Keys the platform sets itself, with what they mean to the app. */
    private static final Map<String, String> RESERVED = Map.of("PORT", "the port the app must listen on");

    private EnvironmentRules() {
    }

    static void checkKey(String where, String key) {
        if (key == null || key.isEmpty()) {
            throw new InvalidVariables(where, "contains an empty key");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new InvalidVariables(where, "contains a key of " + key.length() + " characters: a key has at most "
                    + MAX_KEY_LENGTH);
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidVariables(where, "contains the invalid key '" + key + "': keys use letters, digits "
                    + "and underscores and do not start with a digit");
        }
        String reserved = RESERVED.get(key);
        if (reserved != null) {
            throw new InvalidVariables(where, "contains the reserved key '" + key + "': the platform sets it ("
                    + reserved + ") and it cannot be changed");
        }
    }

    static void checkValue(String where, String key, String value) {
        if (value == null) {
            throw new InvalidVariables(where, "sets no value for '" + key + "': use an empty string for an empty "
                    + "value, or delete the variable");
        }
        int bytes = bytes(value);
        if (bytes > MAX_VALUE_BYTES) {
            throw new InvalidVariables(where, "sets a value of " + bytes + " bytes for '" + key + "': a value has "
                    + "at most " + MAX_VALUE_BYTES + " bytes (32 KiB)");
        }
    }

    static void checkVariable(String where, String key, String value) {
        checkKey(where, key);
        checkValue(where, key, value);
    }

    /** The limits of a whole set, as the project would hold it after the change. */
    static void checkSet(Map<String, String> variables) {
        if (variables.size() > MAX_VARIABLES) {
            throw new InvalidVariables("variables", "would be " + variables.size() + " variables: a project has at "
                    + "most " + MAX_VARIABLES);
        }
        long total = variables.entrySet().stream()
                .mapToLong(variable -> bytes(variable.getKey()) + bytes(variable.getValue())).sum();
        if (total > MAX_TOTAL_BYTES) {
            throw new InvalidVariables("variables", "would be " + total + " bytes of keys and values: a project has "
                    + "at most " + MAX_TOTAL_BYTES + " bytes (256 KiB) in total");
        }
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
