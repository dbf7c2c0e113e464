package dev.paas.billing.usage;

import java.time.Instant;
import java.util.UUID;

/**
 * One running interval of a managed database: from when it (re)started running to when it stopped, crash-looped,
 * went into a restore or was deleted; {@code stoppedAt} is {@code null} while it runs.
 */
public record DatabaseUsage(UUID databaseId, UUID ownerId, String name, String type, Instant startedAt,
        Instant stoppedAt) {
}
