package dev.paas.database.backups;

import dev.paas.database.engine.DatabaseType;
import java.util.UUID;

/** Where a backup lies in the store, and what its file is called when downloaded. */
final class BackupKeys {

    private BackupKeys() {
    }

    static String keyOf(UUID ownerId, UUID databaseId, UUID backupId, DatabaseType type) {
        return ownerId + "/" + databaseId + "/" + backupId + "." + extensionOf(type);
    }

    static String extensionOf(DatabaseType type) {
        return switch (type) {
            case POSTGRESQL -> "dump";
            case MYSQL -> "sql";
            case MONGODB -> "archive";
            case REDIS -> "rdb";
        };
    }

    static String fileNameOf(String databaseName, Backup backup) {
        String key = backup.storeKey();
        String extension = key.substring(key.lastIndexOf('.') + 1);
        String at = backup.createdAt().toString().replaceAll("[^0-9T]", "").substring(0, 15);
        return databaseName + "-" + at + "-" + backup.id().toString().substring(0, 8) + "." + extension;
    }
}
