package dev.paas.metrics.containers;

import java.time.Instant;
import java.util.List;

/**
 * A Spring application event published inside metrics-service after each container sampling pass, with every
 * platform container the pass sampled (alerts evaluate thresholds on it). Every replica samples, so listeners must
 * tolerate the same pass from several replicas.
 *
 * @param at when the pass ran
 * @param samples one per container
 */
public record ContainersSampled(Instant at, List<ContainerSample> samples) {

    public ContainersSampled {
        samples = List.copyOf(samples);
    }
}
