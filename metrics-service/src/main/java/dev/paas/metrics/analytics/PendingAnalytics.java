package dev.paas.metrics.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the tail read since its last flush: counts per project and minute, and the visitor hashes per project and
 * day. Used by the tail's one thread only.
 */
final class PendingAnalytics {

    private final Map<ProjectMinute, RequestCounts> minutes = new HashMap<>();
    private final Map<ProjectDay, Set<String>> visitors = new HashMap<>();

    void record(UUID projectId, AccessLogLine line, String visitorHash) {
        Instant minute = line.at().truncatedTo(ChronoUnit.MINUTES);
        minutes.computeIfAbsent(new ProjectMinute(projectId, minute), key -> new RequestCounts()).record(line);
        visitors.computeIfAbsent(new ProjectDay(projectId, LocalDate.ofInstant(line.at(), ZoneOffset.UTC)),
                key -> new HashSet<>()).add(visitorHash);
    }

    Map<ProjectMinute, RequestCounts> minutes() {
        return minutes;
    }

    Map<ProjectDay, Set<String>> visitors() {
        return visitors;
    }

    boolean isEmpty() {
        return minutes.isEmpty();
    }

    void clear() {
        minutes.clear();
        visitors.clear();
    }

    /** A project's minute. */
    record ProjectMinute(UUID projectId, Instant minute) {
    }

    /** A project's day (UTC). */
    record ProjectDay(UUID projectId, LocalDate day) {
    }
}
