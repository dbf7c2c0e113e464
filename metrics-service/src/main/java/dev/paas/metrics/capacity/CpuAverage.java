package dev.paas.metrics.capacity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** CPU of the samples within a sliding window, averaged: one busy second must not close admission. */
final class CpuAverage {

    private final Duration window;
    private final Deque<HostSample> samples = new ArrayDeque<>();

    CpuAverage(Duration window) {
        this.window = window;
    }

    /** Adds {@code sample} and returns the average CPU of the window ending at it. */
    double add(HostSample sample) {
        samples.addLast(sample);
        Instant oldest = sample.at().minus(window);
        while (samples.size() > 1 && samples.peekFirst().at().isBefore(oldest)) {
            samples.removeFirst();
        }
        return samples.stream().mapToDouble(HostSample::cpuPercent).average().orElse(0);
    }
}
