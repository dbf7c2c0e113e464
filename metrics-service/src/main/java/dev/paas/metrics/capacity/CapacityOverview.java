package dev.paas.metrics.capacity;

import dev.paas.metrics.containers.ContainerUsage;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;

/** The admin capacity view and the threshold's changes. */
public class CapacityOverview {

    private final HostSampler sampler;
    private final HostCapacity capacity;
    private final CapacityThreshold threshold;
    private final QueuedDeployments queued;
    private final ObjectProvider<ContainerUsage> containers;

    CapacityOverview(HostSampler sampler, HostCapacity capacity, CapacityThreshold threshold,
            QueuedDeployments queued, ObjectProvider<ContainerUsage> containers) {
        this.sampler = sampler;
        this.capacity = capacity;
        this.threshold = threshold;
        this.queued = queued;
        this.containers = containers;
    }

    /** The latest sample, the stored admitting state, running containers and queued deployments. */
    public CapacityView view() {
        return view(sampler.latest());
    }

    /**
     * Stores {@code percent} as the threshold (audited as {@code actor}'s) and samples at once; that verdict decides
     * without waiting for confirmation, so the answer already shows the state the change leads to.
     */
    public CapacityView changeThreshold(Double percent, UUID actor) {
        threshold.change(percent, actor);
        capacity.decideNext();
        return view(sampler.pass());
    }

    private CapacityView view(HostSampler.Pass pass) {
        HostSample sample = pass.sample();
        HostCapacity.StoredState state = capacity.stored(sample.host())
                .orElse(new HostCapacity.StoredState(pass.verdict().admitting(), pass.verdict().reason(), null));
        String waitingFor = state.admitting() ? "waiting for a build worker" : "waiting for capacity: " + state.reason();
        List<CapacityView.QueuedDeployment> waiting = queued.waiting().stream()
                .map(w -> new CapacityView.QueuedDeployment(w.deploymentId(), w.projectId(), w.requestedAt(),
                        waitingFor))
                .toList();
        ContainerUsage usage = containers.getIfAvailable();
        Integer running = usage == null ? null
                : (int) usage.latest().stream()
                        .filter(c -> c.status() == null || "running".equalsIgnoreCase(c.status())).count();
        return new CapacityView(sample.host(), sample.at(), sample.cpuCores(), round(sample.cpuPercent()),
                pass.verdict().cpuPercent(), sample.memoryTotalBytes(), sample.memoryUsedBytes(),
                round(sample.memoryPercent()), sample.diskTotalBytes(), sample.diskUsedBytes(),
                round(sample.diskPercent()), threshold.current(), state.admitting(), state.reason(), running,
                waiting);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
