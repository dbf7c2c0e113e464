package dev.paas.billing.metering;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How many instances of a resource an hour is charged for: the peak number of its containers running at the same
 * time within the hour, and at least one if any ran in it at all (a partial hour is charged as a whole one). A
 * container replaced by a rollout overlaps its successor for a moment; an overlap shorter than the hand-over time
 * does not count as a second instance.
 */
final class PeakInstances {

    private PeakInstances() {
    }

    /** One container's interval; {@code stop} is {@code null} while it runs. */
    record Interval(Instant start, Instant stop) {
    }

    static int of(List<Interval> intervals, Instant hourStart, Instant hourEnd, Duration handover) {
        boolean ranInHour = false;
        List<Instant[]> counted = new ArrayList<>();
        for (Interval interval : intervals) {
            Instant end = interval.stop() == null ? hourEnd : interval.stop();
            if (!interval.start().isBefore(hourEnd) || !end.isAfter(hourStart)) {
                continue;
            }
            ranInHour = true;
            Instant from = max(interval.start(), hourStart);
            Instant until = min(interval.stop() == null ? hourEnd : interval.stop().minus(handover), hourEnd);
            if (until.isAfter(from)) {
                counted.add(new Instant[] {from, until});
            }
        }
        if (!ranInHour) {
            return 0;
        }
        return Math.max(1, peak(counted));
    }

    private static int peak(List<Instant[]> intervals) {
        record Change(Instant at, int delta) {
        }
        List<Change> changes = new ArrayList<>();
        for (Instant[] interval : intervals) {
            changes.add(new Change(interval[0], 1));
            changes.add(new Change(interval[1], -1));
        }
        // An end and a start at the same instant do not overlap: ends first.
        changes.sort(Comparator.comparing(Change::at).thenComparingInt(Change::delta));
        int running = 0;
        int peak = 0;
        for (Change change : changes) {
            running += change.delta();
            peak = Math.max(peak, running);
        }
        return peak;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
