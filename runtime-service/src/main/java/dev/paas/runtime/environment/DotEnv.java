package dev.paas.runtime.environment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the {@code .env} format: {@code KEY=value} lines, optionally prefixed by {@code export}; blank lines and
 * {@code #} comments are skipped. A value is taken as it is, up to a {@code #} after a blank; in single quotes it is
 * literal; in double quotes {@code \n}, {@code \r}, {@code \t}, {@code \"} and {@code \\} are escapes. Quoted values
 * may span lines. Every error names the line it is on; a key set twice is an error, not a silent override.
 */
final class DotEnv {

    private final String[] lines;
    private int index;

    private DotEnv(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        this.lines = content.split("\r\n|\r|\n", -1);
    }

    /** The variables of {@code text}, in the order they appear; each key and value checked by the rules. */
    static Map<String, String> parse(String text) {
        return new DotEnv(text == null ? "" : text).variables();
    }

    private Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        Map<String, Integer> firstLines = new LinkedHashMap<>();
        while (index < lines.length) {
            int number = index + 1;
            String line = lines[index++].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = "line " + number;
            if (line.startsWith("export") && line.length() > 6 && Character.isWhitespace(line.charAt(6))) {
                line = line.substring(6).strip();
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new InvalidVariables(where, "is not KEY=value: it has no '='");
            }
            String key = line.substring(0, equals).strip();
            EnvironmentRules.checkKey(where, key);
            String value = value(where, line.substring(equals + 1).stripLeading());
            EnvironmentRules.checkValue(where, key, value);
            Integer first = firstLines.putIfAbsent(key, number);
            if (first != null) {
                throw new InvalidVariables(where, "sets '" + key + "' again: it is already set on line " + first);
            }
            variables.put(key, value);
        }
        return variables;
    }

    private String value(String where, String raw) {
        if (raw.startsWith("\"") || raw.startsWith("'")) {
            return quoted(where, raw);
        }
        int comment = -1;
        for (int i = 1; i < raw.length(); i++) {
            if (raw.charAt(i) == '#' && Character.isWhitespace(raw.charAt(i - 1))) {
                comment = i;
                break;
            }
        }
        return (comment < 0 ? raw : raw.substring(0, comment)).strip();
    }

    /** A quoted value, reading on to the following lines until its closing quote. */
    private String quoted(String where, String raw) {
        char quote = raw.charAt(0);
        StringBuilder value = new StringBuilder();
        String rest = raw.substring(1);
        while (true) {
            for (int i = 0; i < rest.length(); i++) {
                char c = rest.charAt(i);
                if (c == quote) {
                    checkNothingAfter("line " + index, quote, rest.substring(i + 1));
                    return value.toString();
                }
                if (c == '\\' && quote == '"' && i + 1 < rest.length()) {
                    char next = rest.charAt(++i);
                    switch (next) {
                        case 'n' -> value.append('\n');
                        case 'r' -> value.append('\r');
                        case 't' -> value.append('\t');
                        case '"', '\\' -> value.append(next);
                        default -> value.append('\\').append(next);
                    }
                } else {
                    value.append(c);
                }
            }
            if (index >= lines.length) {
                throw new InvalidVariables(where, "opens a value with " + quote + " that is never closed");
            }
            value.append('\n');
            rest = lines[index++];
        }
    }

    private static void checkNothingAfter(String where, char quote, String after) {
        String trailing = after.strip();
        if (!trailing.isEmpty() && !trailing.startsWith("#")) {
            throw new InvalidVariables(where, "has text after the closing " + quote + " of its value: quote the "
                    + "whole value, or start a comment with #");
        }
    }
}
