package dev.paas.database.databases;

import dev.paas.database.engine.DatabaseType;
import java.time.Instant;
import java.util.UUID;

/**
 * One managed database as the rest of database-service sees it (no credential).
 *
 * @param id the database
 * @param ownerId the user who owns it
 * @param name its name, unique per owner
 * @param type the engine
 * @param version the engine version
 * @param state {@code PROVISIONING}, {@code RUNNING}, {@code STOPPED}, {@code CRASH_LOOP}, {@code RESTORING},
 *        {@code FAILED} or {@code DELETED}
 * @param createdAt when it was requested
 */
public record ManagedDatabase(UUID id, UUID ownerId, String name, DatabaseType type, String version, String state,
        Instant createdAt) {

    public boolean running() {
        return "RUNNING".equals(state);
    }
}
