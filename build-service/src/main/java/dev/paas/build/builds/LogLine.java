package dev.paas.build.builds;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One stored line of a build log.
 *
 * @param id the line's row id: increases along one build's log, so a reader resumes after the last id it saw
 * @param at when the line was printed
 * @param phase the build phase it belongs to; {@code null} for lines stored before phases were recorded
 * @param marker whether the line starts its phase
 * @param text the line, without its newline
 */
public record LogLine(long id, Instant at, BuildPhase phase, boolean marker, String text) {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** {@code 2026-12-01T10:00:00.123Z [build] text}: the line as the plain-text log shows it. */
    public String plainText() {
        String time = TIMESTAMP.format(at);
        return phase == null ? time + " " + text : time + " [" + phase.wireName() + "] " + text;
    }

    /** The instant as the log prints it: UTC with milliseconds. */
    public static String timestamp(Instant at) {
        return TIMESTAMP.format(at);
    }
}
