package dev.paas.metrics.containers;

import java.time.Instant;
import java.util.List;

/**
 * A project's or database's container metrics over a period: one series per container (an app's replica index and
 * its container, so a redeployed replica is a new series) and their sum per step.
 *
 * @param from the period's start
 * @param to the period's end
 * @param stepSeconds the width of a step
 * @param resolution the storage tier read: {@code raw}, {@code 1m} or {@code 1h}
 * @param instances one series per container, by instance then container id
 * @param total the containers summed per step
 */
public record ContainerMetricSeries(Instant from, Instant to, long stepSeconds, String resolution,
        List<InstanceSeries> instances, List<MetricPoint> total) {

    /**
     * The series of one container.
     *
     * @param instance the replica index from 0 (0 for a database)
     * @param containerId the Docker container id
     * @param points one per step with samples, oldest first
     */
    public record InstanceSeries(int instance, String containerId, List<MetricPoint> points) {
    }
}
