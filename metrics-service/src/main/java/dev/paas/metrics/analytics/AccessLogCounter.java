package dev.paas.metrics.analytics;

import io.micrometer.core.instrument.Counter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns bytes of the access log into counts: splits complete lines, parses them, attributes them to a project by
 * host and adds them to {@link #pending()}. The per-line work of the tail; used by its one thread only.
 */
final class AccessLogCounter {

    private final AccessLogParser parser = new AccessLogParser();
    private final PendingAnalytics pending = new PendingAnalytics();
    private final HostAttribution hosts;
    private final VisitorHashes visitors;
    private final Counter linesRead;
    private final Counter linesUnattributed;

    AccessLogCounter(HostAttribution hosts, VisitorHashes visitors, Counter linesRead, Counter linesUnattributed) {
        this.hosts = hosts;
        this.visitors = visitors;
        this.linesRead = linesRead;
        this.linesUnattributed = linesUnattributed;
    }

    /**
     * Counts the complete lines of {@code bytes[0, length)}; returns how many bytes they took (through the last
     * newline). A buffer of {@code length == bytes.length} without any newline holds a line too long to be an
     * access log line: it is skipped whole.
     */
    int countLines(byte[] bytes, int length) {
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                count(bytes, start, i - start);
                start = i + 1;
            }
        }
        if (start == 0 && length == bytes.length) {
            linesUnattributed.increment();
            return length;
        }
        return start;
    }

    PendingAnalytics pending() {
        return pending;
    }

    private void count(byte[] bytes, int start, int length) {
        if (length == 0) {
            return;
        }
        linesRead.increment();
        Optional<AccessLogLine> parsed = parser.parse(bytes, start, length);
        if (parsed.isEmpty()) {
            linesUnattributed.increment();
            return;
        }
        AccessLogLine line = parsed.get();
        Optional<UUID> project = hosts.projectOf(line.host());
        if (project.isEmpty()) {
            linesUnattributed.increment();
            return;
        }
        String visitor = visitors.hash(LocalDate.ofInstant(line.at(), ZoneOffset.UTC), line.clientAddress(),
                line.userAgent());
        pending.record(project.get(), line, visitor);
    }
}
