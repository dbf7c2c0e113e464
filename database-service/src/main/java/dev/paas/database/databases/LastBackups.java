package dev.paas.database.databases;

import java.util.Optional;
import java.util.UUID;

/** The newest completed backup of a database (implemented by the backups), named in {@code DatabaseDeleted}. */
@FunctionalInterface
public interface LastBackups {

    Optional<UUID> lastCompleted(UUID databaseId);
}
