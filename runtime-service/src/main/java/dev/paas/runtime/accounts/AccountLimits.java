package dev.paas.runtime.accounts;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What an account's plan allows its apps, as billing last announced it.
 *
 * @param userId the account
 * @param planName the plan's name, for messages ({@code free})
 * @param cpuMillis CPU per app instance, in thousandths of a core
 * @param memoryMb memory per app instance
 * @param maxInstances instances per app
 * @param allowedRuntimes the stacks apps may use; empty: all
 */
public record AccountLimits(UUID userId, String planName, int cpuMillis, int memoryMb, int maxInstances,
        List<String> allowedRuntimes) {

    public AccountLimits {
        allowedRuntimes = allowedRuntimes == null ? List.of() : List.copyOf(allowedRuntimes);
    }

    /** The memory a replica runs with: the app's own setting capped at the plan, else the plan's. */
    public int memoryMbFor(Integer own) {
        return own == null ? memoryMb : Math.min(own, memoryMb);
    }

    /** The CPU a replica runs with: the app's own setting capped at the plan, else the plan's. */
    public int cpuMillisFor(Integer own) {
        return own == null ? cpuMillis : Math.min(own, cpuMillis);
    }

    /** The instances an app keeps after a change of plan: as many as it had, at most the plan's. */
    public int instancesFor(int own) {
        return Math.min(own, maxInstances);
    }

    /** Whether apps of {@code stack} may run; an unknown stack ({@code null}, older images) is not judged. */
    public boolean allowsRuntime(String stack) {
        return allowedRuntimes.isEmpty() || stack == null
                || allowedRuntimes.stream().anyMatch(allowed -> allowed.equalsIgnoreCase(stack.strip()));
    }

    /** {@code 1 instance}, {@code 3 instances}. */
    public String instancesText() {
        return maxInstances + (maxInstances == 1 ? " instance" : " instances");
    }

    String runtimesText() {
        return String.join(", ", allowedRuntimes).toLowerCase(Locale.ROOT);
    }
}
