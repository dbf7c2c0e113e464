package dev.paas.runtime.logs;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Cuts lines longer than a number of UTF-8 bytes, at a character boundary, and says so at the end. */
final class LongLines {

    static final String MARKER = " … [line cut: %d bytes]";

    private LongLines() {
    }

    static String cut(String line, int maxBytes) {
        // a char is at most 3 bytes of UTF-8 (a surrogate pair, two chars, is 4)
        if (line.length() * 3L <= maxBytes) {
            return line;
        }
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return line;
        }
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer chars = CharBuffer.wrap(line);
        encoder.encode(chars, ByteBuffer.allocate(maxBytes), true);
        return line.substring(0, chars.position()) + MARKER.formatted(bytes.length);
    }
}
