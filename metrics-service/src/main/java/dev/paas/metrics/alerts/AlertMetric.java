package dev.paas.metrics.alerts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a threshold rule measures, with the name the API uses for it. */
public enum AlertMetric {
    MEMORY("memory", AlertKind.CONTAINER_MEMORY, false),
    CPU("cpu", AlertKind.CONTAINER_CPU, false),
    HOST_CPU("host-cpu", AlertKind.HOST_CPU, true),
    HOST_MEMORY("host-memory", AlertKind.HOST_MEMORY, true),
    HOST_DISK("host-disk", AlertKind.HOST_DISK, true);

    private final String apiName;
    private final AlertKind kind;
    private final boolean host;

    AlertMetric(String apiName, AlertKind kind, boolean host) {
        this.apiName = apiName;
        this.kind = kind;
        this.host = host;
    }

    /** The name in requests and answers: {@code memory}, {@code cpu}, {@code host-disk}... */
    public String apiName() {
        return apiName;
    }

    AlertKind kind() {
        return kind;
    }

    boolean host() {
        return host;
    }

    static Optional<AlertMetric> fromApiName(String name) {
        return name == null ? Optional.empty() : Arrays.stream(values())
                .filter(metric -> metric.apiName.equals(name.trim().toLowerCase(Locale.ROOT))).findFirst();
    }
}
