package dev.paas.database.backups;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where backups are kept: a local directory or an S3-compatible bucket ({@code paas.databases.backups.store}).
 * Keys are {@code <ownerId>/<databaseId>/<backupId>.<ext>}. A {@link #put} is all or nothing: a reader never sees a
 * partial object under a key.
 */
public interface BackupStore {

    /** Stores the bytes of {@code file} under {@code key}, replacing what was there. */
    void put(String key, Path file);

    /** The bytes under {@code key}; the caller closes the stream. Throws {@link BackupMissing} when there are none. */
    InputStream open(String key);

    /** Removes {@code key}; a missing key is fine. */
    void delete(String key);

    boolean exists(String key);
}
