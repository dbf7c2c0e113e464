package dev.paas.metrics.capacity;

/** What the capacity feature tells the rest of metrics-service (published as Spring application events). */
public final class CapacityEvents {

    private CapacityEvents() {
    }

    /**
     * The host's admitting state flipped, published inside the transaction that stored the flip, so the one
     * replica whose compare-and-set won reports it.
     *
     * @param reason {@code memory 91 % of host}; {@code null} while admitting
     */
    public record AdmissionChanged(String host, boolean admitting, double cpuPercent, double memoryPercent,
            double diskPercent, double thresholdPercent, String reason) {
    }
}
