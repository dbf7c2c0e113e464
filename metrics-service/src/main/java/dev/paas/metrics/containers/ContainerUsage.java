package dev.paas.metrics.containers;

import java.util.List;

/** The platform's containers as the latest sampling pass saw them. */
public interface ContainerUsage {

    /** The latest sample of every container the platform owns, empty before the first pass. */
    List<ContainerSample> latest();
}
