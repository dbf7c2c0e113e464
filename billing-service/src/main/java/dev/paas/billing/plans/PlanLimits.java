package dev.paas.billing.plans;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an account on a plan may use; project-, runtime- and database-service enforce it from the published copy.
 *
 * @param cpuMillis CPU per app instance, in thousandths of a CPU
 * @param memoryMb memory per app instance
 * @param diskMb disk per app
 * @param maxInstances instances per app
 * @param maxApps apps in all
 * @param maxDatabasesPerType databases per type ({@code postgresql}, {@code mysql}, {@code redis}, {@code mongodb})
 * @param databaseDiskMb disk quota of each database
 * @param allowedRuntimes the runtimes apps may use; empty: all
 */
public record PlanLimits(int cpuMillis, int memoryMb, int diskMb, int maxInstances, int maxApps,
        Map<String, Integer> maxDatabasesPerType, int databaseDiskMb, List<String> allowedRuntimes) {

    public PlanLimits {
        // sorted, so a plan reads and serialises the same every time
        maxDatabasesPerType = maxDatabasesPerType == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(maxDatabasesPerType));
        allowedRuntimes = allowedRuntimes == null ? List.of() : allowedRuntimes.stream().distinct().sorted().toList();
    }
}
