package dev.paas.runtime.logs;

import java.time.Instant;

/**
 * A stored line of an app container's output.
 *
 * @param id its position in the store: later stored lines have larger ids
 * @param ts when the container wrote it, as Docker recorded it
 * @param instance the replica index of the container ({@code paas.instance}, 0 without)
 * @param containerId the Docker container id
 * @param stream {@code stdout} or {@code stderr}
 * @param level the level told from the line ({@link LogLevels})
 * @param line the text, without its line break
 */
public record RuntimeLogLine(long id, Instant ts, int instance, String containerId, String stream, LogLevel level,
        String line) {
}
