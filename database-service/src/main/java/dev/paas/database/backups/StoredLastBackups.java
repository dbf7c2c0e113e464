package dev.paas.database.backups;

import dev.paas.database.databases.LastBackups;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The newest COMPLETED backup of a database, from the backup rows. */
@Component
class StoredLastBackups implements LastBackups {

    private final Backups backups;

    StoredLastBackups(Backups backups) {
        this.backups = backups;
    }

    @Override
    public Optional<UUID> lastCompleted(UUID databaseId) {
        return backups.lastCompleted(databaseId);
    }
}
