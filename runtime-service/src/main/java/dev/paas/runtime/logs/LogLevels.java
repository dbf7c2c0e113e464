package dev.paas.runtime.logs;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the level of a line an app wrote. In order: a JSON line's {@code level} or {@code severity} field (words or
 * pino's numbers); a {@code level=} pair (logfmt); a level word in brackets ({@code [WARN]}); a level word first on
 * the line after a leading timestamp ({@code 2026-12-01 10:00:00.123  INFO 1 --- ...}, {@code WARNING:root:...},
 * {@code Error: ...}). Anything else is {@code info}, on stderr too: many apps log there as a matter of course.
 */
final class LogLevels {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] JSON_FIELDS = {"level", "severity", "lvl", "log.level", "levelname"};
    private static final Pattern LOGFMT = Pattern.compile("(?:^|\\s)(?:level|lvl|severity)=\"?([A-Za-z]+)");
    private static final Pattern BRACKETED = Pattern.compile("[\\[<(]([A-Za-z]{3,11})[\\]>)]");
    /** Timestamp-ish tokens before the first word: dates, times, zones, pids. */
    private static final Pattern LEADING = Pattern.compile("^(?:\\s*\\d[\\w:.,/+\\-]*)*\\s*");
    private static final Pattern FIRST_WORD = Pattern.compile("^([A-Za-z]{3,11})\\b");
    private static final int LOOK_AT = 120;

    private LogLevels() {
    }

    static LogLevel of(String line) {
        String head = line.length() > LOOK_AT ? line.substring(0, LOOK_AT) : line;
        String stripped = line.stripLeading();
        if (stripped.startsWith("{")) {
            Optional<LogLevel> level = fromJson(stripped);
            if (level.isPresent()) {
                return level.get();
            }
        }
        return fromLogfmt(head).or(() -> fromBrackets(head)).or(() -> fromFirstWord(head)).orElse(LogLevel.INFO);
    }

    private static Optional<LogLevel> fromJson(String line) {
        JsonNode tree;
        try {
            tree = JSON.readTree(line);
        } catch (JacksonException | IllegalArgumentException notJson) {
            return Optional.empty();
        }
        if (tree == null || !tree.isObject()) {
            return Optional.empty();
        }
        for (String field : JSON_FIELDS) {
            JsonNode value = tree.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isNumber()) {
                return Optional.of(LogLevel.ofPinoNumber(value.asLong()));
            }
            if (value.isString()) {
                Optional<LogLevel> level = LogLevel.ofWord(value.asString().strip());
                if (level.isPresent()) {
                    return level;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<LogLevel> fromLogfmt(String head) {
        Matcher matcher = LOGFMT.matcher(head);
        return matcher.find() ? LogLevel.ofWord(matcher.group(1)) : Optional.empty();
    }

    private static Optional<LogLevel> fromBrackets(String head) {
        Matcher matcher = BRACKETED.matcher(head);
        while (matcher.find()) {
            Optional<LogLevel> level = LogLevel.ofWord(matcher.group(1));
            if (level.isPresent()) {
                return level;
            }
        }
        return Optional.empty();
    }

    private static Optional<LogLevel> fromFirstWord(String head) {
        Matcher leading = LEADING.matcher(head);
        String rest = leading.lookingAt() ? head.substring(leading.end()) : head;
        Matcher word = FIRST_WORD.matcher(rest);
        if (!word.find()) {
            return Optional.empty();
        }
        String found = word.group(1);
        // "Error: ..." and "ERROR ..." name a level; "error handling done" (lower case prose) does not
        boolean shouting = found.equals(found.toUpperCase(Locale.ROOT));
        boolean labelled = rest.length() > found.length() && rest.charAt(found.length()) == ':';
        return shouting || labelled ? LogLevel.ofWord(found) : Optional.empty();
    }
}
