package dev.paas.database.backups;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Backups in a directory of this host. A put copies into a temporary file beside the target and renames it into
 * place, so a key holds either the old bytes or all of the new ones.
 */
final class LocalBackupStore implements BackupStore {

    private final Path root;

    LocalBackupStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, Path file) {
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
            try {
                Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new BackupStoreFailed("cannot store " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String key) {
        try {
            return Files.newInputStream(resolve(key));
        } catch (NoSuchFileException e) {
            throw new BackupMissing(key);
        } catch (IOException e) {
            throw new BackupStoreFailed("cannot read " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new BackupStoreFailed("cannot delete " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    /** The file of {@code key}; a key that would leave the root is refused. */
    Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (key.isBlank() || !path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("not a backup key: " + key);
        }
        return path;
    }
}
