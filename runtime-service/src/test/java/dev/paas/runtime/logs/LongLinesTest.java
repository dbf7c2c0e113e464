package dev.paas.runtime.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LongLinesTest {

    @Test
    void keepsLinesUpToTheLimit() {
        String line = "x".repeat(16384);

        assertThat(LongLines.cut(line, 16384)).isSameAs(line);
    }

    @Test
    void cutsLongerLinesAtACharacterBoundaryAndSaysSo() {
        String line = "é".repeat(10_000);

        String cut = LongLines.cut(line, 16384);

        assertThat(cut).startsWith("é".repeat(8192)).endsWith(" … [line cut: 20000 bytes]");
        assertThat(cut.substring(0, cut.indexOf(' ')).getBytes(StandardCharsets.UTF_8)).hasSize(16384);
    }
}
