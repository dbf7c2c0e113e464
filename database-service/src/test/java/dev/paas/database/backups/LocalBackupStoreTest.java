package dev.paas.database.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBackupStoreTest {

    @TempDir
    Path root;

    @Test
    void storesReadsAndDeletesUnderNestedKeysLeavingNoTemporaryFile() throws Exception {
        LocalBackupStore store = new LocalBackupStore(root.resolve("backups"));
        Path file = Files.writeString(root.resolve("dump"), "select 1;");

        store.put("owner/db/backup.sql", file);
        store.put("owner/db/backup.sql", Files.writeString(file, "select 2;"));

        assertThat(store.exists("owner/db/backup.sql")).isTrue();
        try (InputStream in = store.open("owner/db/backup.sql")) {
            assertThat(new String(in.readAllBytes())).isEqualTo("select 2;");
        }
        try (var files = Files.list(root.resolve("backups/owner/db"))) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("backup.sql");
        }
        store.delete("owner/db/backup.sql");
        store.delete("owner/db/backup.sql");
        assertThat(store.exists("owner/db/backup.sql")).isFalse();
        assertThatThrownBy(() -> store.open("owner/db/backup.sql")).isInstanceOf(BackupMissing.class);
    }

    @Test
    void refusesKeysThatLeaveItsDirectory() {
        LocalBackupStore store = new LocalBackupStore(root);
        assertThatThrownBy(() -> store.exists("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
