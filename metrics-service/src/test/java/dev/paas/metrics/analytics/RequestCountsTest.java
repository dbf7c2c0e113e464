package dev.paas.metrics.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestCountsTest {

    @Test
    void countsStatusClassesBytesAndPathsAndAddsUp() {
        RequestCounts minute = new RequestCounts();
        minute.record(line("/a", 200, 10));
        minute.record(line("/a", 304, 0));
        minute.record(line("/b", 404, 5));
        minute.record(line("/c", 503, 7));
        minute.record(line("/c", 101, 0));
        RequestCounts other = new RequestCounts();
        other.record(line("/c", 200, 1));
        other.record(line("/c", 200, 1));

        minute.add(other);

        assertThat(minute.requests()).isEqualTo(7);
        assertThat(minute.status2xx()).isEqualTo(3);
        assertThat(minute.status3xx()).isEqualTo(1);
        assertThat(minute.status4xx()).isEqualTo(1);
        assertThat(minute.status5xx()).isEqualTo(1);
        assertThat(minute.bytesSent()).isEqualTo(24);
        assertThat(minute.latency().total()).isEqualTo(7);
        assertThat(minute.topPaths(2)).containsExactly(java.util.Map.entry("/c", 4L), java.util.Map.entry("/a", 2L));
    }

    private static AccessLogLine line(String path, int status, long bytes) {
        return new AccessLogLine(Instant.EPOCH, "h", path, "127.0.0.1", "ua", status, bytes, 0.002);
    }
}
