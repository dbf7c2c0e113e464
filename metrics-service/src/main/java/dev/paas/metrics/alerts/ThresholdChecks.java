package dev.paas.metrics.alerts;

import dev.paas.metrics.capacity.HostSample;
import dev.paas.metrics.containers.ContainerSample;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Which threshold rules a sample meets, and what the alert says: the evaluation itself, free of storage. */
final class ThresholdChecks {

    private ThresholdChecks() {
    }

    /** One rule against one measured value. */
    record Check(AlertRule rule, String key, String subject, double value, String limit) {

        boolean holds() {
            return value >= rule.thresholdPercent();
        }

        /** Whether a condition holding since {@code since} has held long enough at {@code at} to open the alert. */
        boolean heldLongEnough(Instant since, Instant at) {
            return !Duration.between(since, at).minus(rule.duration()).isNegative();
        }

        String openMessage() {
            return String.format(Locale.ROOT, "%s at %.0f %% of %s for %s (threshold %.0f %%)", subject, value, limit,
                    describe(rule.duration()), rule.thresholdPercent());
        }

        String clearedReason() {
            return String.format(Locale.ROOT, "%s at %.0f %% of %s", subject, value, limit);
        }
    }

    /** The checks of a container: each rule of its kind, in key order (replicas lock keys in the same order). */
    static List<Check> of(ContainerSample sample, List<AlertRule> rules) {
        return rules.stream().filter(rule -> !rule.metric().host())
                .map(rule -> switch (rule.metric()) {
                    case MEMORY -> new Check(rule, key(rule, sample.containerId()), "memory", sample.memoryPercent(),
                            "its " + megabytes(sample.memoryLimitBytes()) + " limit");
                    default -> new Check(rule, key(rule, sample.containerId()), "CPU", sample.cpuPercentOfLimit(),
                            "its limit");
                })
                .sorted(Comparator.comparing(Check::key)).toList();
    }

    /** The checks of the host: CPU, memory and disk. */
    static List<Check> of(HostSample sample, List<AlertRule> rules) {
        return rules.stream().filter(rule -> rule.metric().host())
                .map(rule -> switch (rule.metric()) {
                    case HOST_CPU -> new Check(rule, key(rule, hostId(sample)), "host " + sample.host() + " CPU",
                            sample.cpuPercent(), sample.cpuCores() + " cores");
                    case HOST_MEMORY -> new Check(rule, key(rule, hostId(sample)), "host " + sample.host()
                            + " memory", sample.memoryPercent(), megabytes(sample.memoryTotalBytes()));
                    default -> new Check(rule, key(rule, hostId(sample)), "host " + sample.host() + " disk",
                            sample.diskPercent(), megabytes(sample.diskTotalBytes()));
                })
                .sorted(Comparator.comparing(Check::key)).toList();
    }

    static String hostId(HostSample sample) {
        return "host:" + sample.host();
    }

    /** {@code CONTAINER_MEMORY/memory/<container>}, {@code CONTAINER_CPU/rule-<id>/<container>}. */
    static String key(AlertRule rule, String subjectId) {
        return rule.metric().kind().name() + "/" + rule.key() + "/" + subjectId;
    }

    static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0 && seconds > 0) {
            return plural(seconds / 3600, "hour");
        }
        if (seconds % 60 == 0 && seconds > 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }

    private static String megabytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }
}
