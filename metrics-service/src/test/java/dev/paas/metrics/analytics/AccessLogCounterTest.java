package dev.paas.metrics.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessLogCounterTest {

    private final UUID project = UUID.randomUUID();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Counter read = meters.counter("read");
    private final Counter unattributed = meters.counter("unattributed");
    private final AccessLogCounter counter = new AccessLogCounter(new HostAttribution(
            host -> "app.paas.localhost".equals(host) ? Optional.of(project) : Optional.empty(), Duration.ofSeconds(1)),
            new VisitorHashes("k"), read, unattributed);

    @Test
    void countsCompleteLinesOnlyAndLeavesThePartialLastLineForTheNextRead() {
        String one = CaddyLogLines.line(Instant.now(), "app.paas.localhost", "/a", "10.0.0.1", "ua", 200, 1, 0.001);
        String two = CaddyLogLines.line(Instant.now(), "other.example", "/b", "10.0.0.1", "ua", 200, 1, 0.001);
        String text = one + "\n" + two + "\n" + "garbage\n" + one.substring(0, 40);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        int consumed = counter.countLines(bytes, bytes.length);

        assertThat(consumed).isEqualTo(text.length() - 40);
        assertThat(read.count()).isEqualTo(3);
        assertThat(unattributed.count()).isEqualTo(2);
        assertThat(counter.pending().minutes().entrySet()).singleElement().satisfies(
                entry -> assertThat(entry.getValue().requests()).isEqualTo(1));
    }

    @Test
    void skipsABufferFullOfOneEndlessLine() {
        byte[] bytes = new byte[64];
        java.util.Arrays.fill(bytes, (byte) 'x');

        assertThat(counter.countLines(bytes, bytes.length)).isEqualTo(64);
        assertThat(unattributed.count()).isEqualTo(1);
    }
}
