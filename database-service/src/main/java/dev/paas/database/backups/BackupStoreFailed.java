package dev.paas.database.backups;

/** The backup store could not be read or written; the message says which key and why, never a credential. */
class BackupStoreFailed extends RuntimeException {

    BackupStoreFailed(String message) {
        super(message);
    }

    BackupStoreFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
