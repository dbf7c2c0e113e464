package dev.paas.database.backups;

/** The backup store has nothing under a key that a backup row names. */
class BackupMissing extends RuntimeException {

    BackupMissing(String key) {
        super("the backup store has no object " + key);
    }
}
