package dev.paas.database.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarStreamsTest {

    @TempDir
    Path dir;

    @Test
    void writesOneFileAsAUstarArchiveWithAValidChecksum() throws IOException {
        Path file = dir.resolve("dump");
        byte[] content = "0123456789".repeat(100).getBytes(StandardCharsets.US_ASCII);
        Files.write(file, content);
        byte[] tar;
        try (InputStream in = TarStreams.ofFile(file, "dump.rdb")) {
            tar = in.readAllBytes();
        }
        assertThat(tar.length % 512).isZero();
        assertThat(tar.length).isEqualTo(512 + 1024 + 1024);
        assertThat(new String(tar, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("dump.rdb");
        assertThat(new String(tar, 257, 5, StandardCharsets.US_ASCII)).isEqualTo("ustar");
        assertThat(Long.parseLong(new String(tar, 124, 11, StandardCharsets.US_ASCII), 8)).isEqualTo(content.length);
        long checksum = 0;
        for (int i = 0; i < 512; i++) {
            checksum += i >= 148 && i < 156 ? ' ' : tar[i] & 0xff;
        }
        assertThat(Long.parseLong(new String(tar, 148, 6, StandardCharsets.US_ASCII), 8)).isEqualTo(checksum);
        assertThat(new String(tar, 512, content.length, StandardCharsets.US_ASCII))
                .isEqualTo(new String(content, StandardCharsets.US_ASCII));
        for (int i = 512 + content.length; i < tar.length; i++) {
            assertThat(tar[i]).isZero();
        }
    }
}
