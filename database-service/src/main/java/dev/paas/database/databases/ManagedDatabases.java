package dev.paas.database.databases;

import dev.paas.database.engine.DatabaseSpec;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The lifecycle's view for the other parts of database-service (backups and restore): which databases exist, their
 * specs, and the hand-over of a database to a restore, during which the supervisor leaves its container alone.
 */
public interface ManagedDatabases {

    /** The database, whoever owns it; deleted ones are not found. */
    Optional<ManagedDatabase> find(UUID databaseId);

    /**
     * The database when {@code callerId} may see it (its owner, or any admin); otherwise empty, exactly as if it did
     * not exist.
     */
    Optional<ManagedDatabase> visibleTo(UUID databaseId, UUID callerId, boolean admin);

    /** Every database that has been provisioned and not deleted (any state but PROVISIONING, FAILED, DELETED). */
    List<ManagedDatabase> provisioned();

    /** The container spec of a provisioned database (its current volume and decrypted credentials). */
    DatabaseSpec spec(UUID databaseId);

    /**
     * Hands a {@code RUNNING} database over to a restore ({@code RESTORING}): the supervisor stops probing and
     * restarting it. False when it is not running (the restore is refused with 409).
     */
    boolean beginRestore(UUID databaseId, UUID actorId);

    /**
     * The restore swapped in {@code newVolume} and the container on it is ready: the database is {@code RUNNING} on
     * it from now on.
     */
    void finishRestore(UUID databaseId, String newVolume);

    /** The restore gave up; the database is {@code RUNNING} on its old volume again. */
    void abortRestore(UUID databaseId);
}
