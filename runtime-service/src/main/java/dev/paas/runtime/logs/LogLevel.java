package dev.paas.runtime.logs;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How severe a log line is, least severe first; the wire name is the lower-case name. */
public enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR, FATAL;

    /** {@code info}, {@code warn}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This level and every more severe one. */
    public List<LogLevel> andAbove() {
        return Arrays.stream(values()).filter(level -> level.compareTo(this) >= 0).toList();
    }

    /**
     * The level a word names, case-insensitively, including the usual aliases ({@code warning}, {@code err},
     * {@code critical}, {@code notice}, ...); empty for any other word.
     */
    public static Optional<LogLevel> ofWord(String word) {
        return Optional.ofNullable(switch (word.toLowerCase(Locale.ROOT)) {
            case "trace", "trc", "verbose" -> TRACE;
            case "debug", "dbg", "fine" -> DEBUG;
            case "info", "inf", "notice", "information" -> INFO;
            case "warn", "warning", "wrn" -> WARN;
            case "error", "err", "severe", "exception" -> ERROR;
            case "fatal", "crit", "critical", "panic", "emerg", "emergency", "alert" -> FATAL;
            default -> null;
        });
    }

    /** The level of a numeric level as pino (and bunyan) write it: 10 trace, 20 debug, ... 60 fatal. */
    public static LogLevel ofPinoNumber(long number) {
        if (number >= 60) {
            return FATAL;
        }
        if (number >= 50) {
            return ERROR;
        }
        if (number >= 40) {
            return WARN;
        }
        if (number >= 30) {
            return INFO;
        }
        if (number >= 20) {
            return DEBUG;
        }
        return TRACE;
    }
}
