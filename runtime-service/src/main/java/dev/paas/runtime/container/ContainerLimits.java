package dev.paas.runtime.container;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resource limits an app container runs under.
 *
 * @param memoryBytes hard memory limit (swap is not granted on top)
 * @param nanoCpus CPU share in billionths of a CPU, {@code 500_000_000} = half a core
 * @param pidsLimit most processes/threads the container may have
 */
public record ContainerLimits(long memoryBytes, long nanoCpus, long pidsLimit) {

    private static final Pattern MEMORY = Pattern.compile("(\\d+)([bkmg]?)b?");

    public ContainerLimits {
        if (memoryBytes < 6 * 1024 * 1024) {
            throw new IllegalArgumentException("memory limit must be at least 6 MB, was " + memoryBytes + " bytes");
        }
        if (nanoCpus <= 0) {
            throw new IllegalArgumentException("CPU limit must be positive, was " + nanoCpus + " nano CPUs");
        }
        if (pidsLimit <= 0) {
            throw new IllegalArgumentException("pids limit must be positive, was " + pidsLimit);
        }
    }

    /** Limits from a CPU count as {@code docker run --cpus} takes it, for example {@code 0.5}. */
    public static ContainerLimits of(long memoryBytes, double cpus, long pidsLimit) {
        return new ContainerLimits(memoryBytes, Math.round(cpus * 1_000_000_000d), pidsLimit);
    }

    /**
     * Bytes of a memory size written as {@code docker run --memory} takes it: a number with an optional unit
     * {@code b}, {@code k}, {@code m} or {@code g} (a trailing {@code b} is allowed: {@code 512mb}).
     */
    public static long parseMemory(String size) {
        String text = size.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = MEMORY.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("memory size must look like 512m or 1g, was '" + size + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "k" -> amount * 1024;
            case "m" -> amount * 1024 * 1024;
            case "g" -> amount * 1024 * 1024 * 1024;
            default -> amount;
        };
    }
}
