package dev.paas.database.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3 store against a real S3-compatible server (S3Proxy) on loopback: every request signed and checked. */
class S3BackupStoreIT {

    @TempDir
    static Path work;

    private static S3Server server;
    private static S3BackupStore store;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3Server.start(work);
        store = new S3BackupStore(server.endpoint(), "paas-backups-" + UUID.randomUUID().toString().substring(0, 8),
                "us-east-1", S3Server.ACCESS_KEY, S3Server.SECRET_KEY, true, Clock.systemUTC());
        store.ensureBucket();
        store.ensureBucket();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void storesAStreamedFileAndReadsTheSameBytesBack() throws Exception {
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(bytes);
        Path file = Files.write(work.resolve("dump-" + UUID.randomUUID()), bytes);
        String key = UUID.randomUUID() + "/" + UUID.randomUUID() + "/" + UUID.randomUUID() + ".sql";

        assertThat(store.exists(key)).isFalse();
        store.put(key, file);

        assertThat(store.exists(key)).isTrue();
        try (InputStream in = store.open(key)) {
            assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(bytes));
        }
        store.delete(key);
        store.delete(key);
        assertThat(store.exists(key)).isFalse();
        assertThatThrownBy(() -> store.open(key)).isInstanceOf(BackupMissing.class);
    }

    @Test
    void refusesAStoreWithTheWrongSecret() throws Exception {
        S3BackupStore wrong = new S3BackupStore(server.endpoint(), "paas-backups-wrong", "us-east-1",
                S3Server.ACCESS_KEY, "not-the-secret", true, Clock.systemUTC());
        Path file = Files.writeString(work.resolve("small"), "x");

        assertThatThrownBy(() -> wrong.put("a/b/c.sql", file)).isInstanceOf(BackupStoreFailed.class)
                .hasMessageContaining("403").hasMessageNotContaining("not-the-secret");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
