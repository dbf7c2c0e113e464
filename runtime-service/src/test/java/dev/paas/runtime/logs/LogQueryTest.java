package dev.paas.runtime.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.problems.InvalidInput;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LogQueryTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void defaultsToTheNewestLinesOfEveryLevelAndInstance() {
        assertThat(LogQuery.parse(null, "", " ", null, null, clock))
                .isEqualTo(new LogQuery(null, null, null, null, 500));
    }

    @Test
    void readsRelativeTimesAsTimeBeforeNow() {
        assertThat(LogQuery.parse("15m", "30s", null, null, null, clock))
                .extracting(LogQuery::since, LogQuery::until)
                .containsExactly(Instant.parse("2026-12-01T11:45:00Z"), Instant.parse("2026-12-01T11:59:30Z"));
        assertThat(LogQuery.parse("2h", null, null, null, null, clock).since())
                .isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(LogQuery.parse("7d", null, null, null, null, clock).since())
                .isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(LogQuery.parse("1w", null, null, null, null, clock).since())
                .isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));
    }

    @Test
    void readsIsoInstantsWithOffsets() {
        LogQuery query = LogQuery.parse("2026-12-01T10:00:00Z", "2026-12-01T12:30:00+01:00", null, null, null, clock);

        assertThat(query.since()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(query.until()).isEqualTo(Instant.parse("2026-12-01T11:30:00Z"));
    }

    @Test
    void readsLevelInstanceAndLimit() {
        LogQuery query = LogQuery.parse(null, null, "WARNING", "2", "5000", clock);

        assertThat(query.minLevel()).isEqualTo(LogLevel.WARN);
        assertThat(query.instance()).isEqualTo(2);
        assertThat(query.limit()).isEqualTo(5000);
        assertThat(LogLevel.WARN.andAbove()).containsExactly(LogLevel.WARN, LogLevel.ERROR, LogLevel.FATAL);
    }

    @Test
    void namesTheParameterThatIsWrong() {
        assertInvalid(() -> LogQuery.parse("yesterday", null, null, null, null, clock), "since",
                "must be an ISO-8601 instant");
        assertInvalid(() -> LogQuery.parse(null, "2026-13-01T00:00:00Z", null, null, null, clock), "until",
                "was '2026-13-01T00:00:00Z'");
        assertInvalid(() -> LogQuery.parse("1h", "2h", null, null, null, clock), "since", "must be before until");
        assertInvalid(() -> LogQuery.parse(null, null, "loud", null, null, clock), "level",
                "must be one of trace, debug, info, warn, error, fatal, was 'loud'");
        assertInvalid(() -> LogQuery.parse(null, null, null, "-1", null, clock), "instance", "replica index");
        assertInvalid(() -> LogQuery.parse(null, null, null, "one", null, clock), "instance", "was 'one'");
        assertInvalid(() -> LogQuery.parse(null, null, null, null, "0", clock), "limit", "from 1 to 5000");
        assertInvalid(() -> LogQuery.parse(null, null, null, null, "5001", clock), "limit", "was '5001'");
        assertInvalid(() -> LogQuery.parse(null, null, null, null, "lots", clock), "limit", "was 'lots'");
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field,
            String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInput.class, invalid -> {
            assertThat(invalid.field()).isEqualTo(field);
            assertThat(invalid.problem()).contains(message);
        });
    }
}
