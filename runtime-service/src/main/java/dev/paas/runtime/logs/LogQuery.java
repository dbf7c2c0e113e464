package dev.paas.runtime.logs;

import dev.paas.problems.InvalidInput;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of a project's stored lines a reader wants: those written from {@code since} (inclusive) to {@code until}
 * (exclusive), at least as severe as {@code minLevel}, of one instance, the newest {@code limit} of them.
 *
 * @param since from when; {@code null} for the oldest kept
 * @param until up to when; {@code null} for now
 * @param minLevel the least severe level wanted; {@code null} for all
 * @param instance only this replica's lines; {@code null} for all
 * @param limit at most this many lines
 */
public record LogQuery(Instant since, Instant until, LogLevel minLevel, Integer instance, int limit) {

    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 5000;
    private static final Pattern RELATIVE = Pattern.compile("(\\d{1,9})(ms|s|m|h|d|w)");

    /**
     * The query the request parameters describe, each one optional: {@code since}/{@code until} as ISO-8601
     * instants ({@code 2026-12-01T10:00:00Z}, offsets allowed) or as a time before now ({@code 30s}, {@code 15m},
     * {@code 2h}, {@code 7d}); {@code level} a level name; {@code instance} a replica index; {@code limit} 1 to
     * {@value #MAX_LIMIT} (default {@value #DEFAULT_LIMIT}).
     *
     * @throws InvalidInput naming the parameter that is wrong and why
     */
    public static LogQuery parse(String since, String until, String level, String instance, String limit,
            Clock clock) {
        Instant now = clock.instant();
        Instant from = instant("since", since, now);
        Instant to = instant("until", until, now);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInput("since", "must be before until, was " + from + " (until " + to + ")");
        }
        return new LogQuery(from, to, level(level), instance(instance), limit(limit));
    }

    /** The newest {@value #DEFAULT_LIMIT} lines of every level and instance. */
    public static LogQuery recent() {
        return new LogQuery(null, null, null, null, DEFAULT_LIMIT);
    }

    /** Whether a line matches the level and instance filters (the time range is the store's business). */
    boolean accepts(RuntimeLogLine line) {
        return (minLevel == null || line.level().compareTo(minLevel) >= 0)
                && (instance == null || line.instance() == instance);
    }

    private static Instant instant(String name, String value, Instant now) {
        if (blank(value)) {
            return null;
        }
        String text = value.strip();
        Matcher relative = RELATIVE.matcher(text);
        if (relative.matches()) {
            long amount = Long.parseLong(relative.group(1));
            Duration ago = switch (relative.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            };
            return now.minus(ago);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidInput(name, "must be an ISO-8601 instant like 2026-12-01T10:00:00Z or a time ago like "
                    + "15m, 2h or 7d, was '" + shortened(value) + "'");
        }
    }

    private static LogLevel level(String value) {
        if (blank(value)) {
            return null;
        }
        return LogLevel.ofWord(value.strip()).orElseThrow(() -> new InvalidInput("level",
                "must be one of trace, debug, info, warn, error, fatal, was '" + shortened(value) + "'"));
    }

    private static Integer instance(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            int index = Integer.parseInt(value.strip());
            if (index >= 0) {
                return index;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInput("instance", "must be a replica index (a whole number from 0), was '"
                + shortened(value) + "'");
    }

    private static int limit(String value) {
        if (blank(value)) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInput("limit", "must be a whole number from 1 to " + MAX_LIMIT + ", was '"
                + shortened(value) + "'");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String shortened(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
