package dev.paas.database.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/** A tar archive of one file, streamed from disk, for Docker's archive API ({@code copyArchiveToContainerCmd}). */
final class TarStreams {

    private static final int BLOCK = 512;

    private TarStreams() {
    }

    /** A tar holding {@code file} as {@code name} (mode 0644, owned by root), read from disk as it is sent. */
    static InputStream ofFile(Path file, String name) throws IOException {
        long size = Files.size(file);
        int padding = (int) ((BLOCK - size % BLOCK) % BLOCK);
        List<InputStream> parts = List.of(new ByteArrayInputStream(header(name, size)), Files.newInputStream(file),
                new ByteArrayInputStream(new byte[padding + 2 * BLOCK]));
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    private static byte[] header(String name, long size) {
        byte[] header = new byte[BLOCK];
        put(header, 0, 100, name.getBytes(StandardCharsets.UTF_8));
        put(header, 100, 8, octal(0644, 7));
        put(header, 108, 8, octal(0, 7));
        put(header, 116, 8, octal(0, 7));
        put(header, 124, 12, octal(size, 11));
        put(header, 136, 12, octal(System.currentTimeMillis() / 1000, 11));
        java.util.Arrays.fill(header, 148, 156, (byte) ' ');
        header[156] = '0';
        put(header, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
        put(header, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
        long checksum = 0;
        for (byte b : header) {
            checksum += b & 0xff;
        }
        put(header, 148, 8, octal(checksum, 6));
        header[154] = 0;
        header[155] = ' ';
        return header;
    }

    private static byte[] octal(long value, int digits) {
        String text = Long.toOctalString(value);
        if (text.length() > digits) {
            throw new IllegalArgumentException("too large for a tar header: " + value);
        }
        return ("0".repeat(digits - text.length()) + text + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    private static void put(byte[] header, int offset, int length, byte[] value) {
        if (value.length > length) {
            throw new IllegalArgumentException("tar header field too long");
        }
        System.arraycopy(value, 0, header, offset, value.length);
    }
}
