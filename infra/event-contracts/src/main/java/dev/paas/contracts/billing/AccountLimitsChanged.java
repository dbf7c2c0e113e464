package dev.paas.contracts.billing;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The limits of a user's plan changed: emitted by billing-service when an account gets its first (default) plan,
 * when its owner changes plan, and when an administrator edits the plan it is on. project-, runtime- and
 * database-service keep their own copy and enforce it.
 *
 * @param userId the account
 * @param planId the plan
 * @param planName the plan's name, for messages ({@code free})
 * @param cpuMillis CPU per app instance, in thousandths of a CPU
 * @param memoryMb memory per app instance
 * @param diskMb disk per app
 * @param maxInstances instances per app
 * @param maxApps apps (projects) in all
 * @param maxDatabasesPerType databases per type ({@code postgresql}, {@code mysql}, {@code redis}, {@code mongodb})
 * @param databaseDiskMb disk quota of each database
 * @param allowedRuntimes the runtimes (stacks) apps may use; empty: all
 */
@EventType(name = "billing.account-limits-changed", version = 1)
public record AccountLimitsChanged(UUID userId, UUID planId, String planName, int cpuMillis, int memoryMb, int diskMb,
        int maxInstances, int maxApps, Map<String, Integer> maxDatabasesPerType, int databaseDiskMb,
        List<String> allowedRuntimes) implements IntegrationEvent {

    public AccountLimitsChanged {
        maxDatabasesPerType = maxDatabasesPerType == null ? Map.of() : Map.copyOf(maxDatabasesPerType);
        allowedRuntimes = allowedRuntimes == null ? List.of() : List.copyOf(allowedRuntimes);
    }

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
