package dev.paas.metrics.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Minutes go after 30 days, visitor hashes after 2 days; the daily visitor counts stay with the minutes. */
class AnalyticsRetentionIT extends AnalyticsComponentTest {

    @Autowired
    AnalyticsRetention retention;
    @Autowired
    JdbcTemplate jdbc;

    private final UUID project = UUID.randomUUID();

    @Test
    void deletesMinutesAfterThirtyDaysAndVisitorHashesAfterTwo() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        minute(now.minus(Duration.ofDays(31)));
        minute(now.minus(Duration.ofDays(29)));
        for (int daysAgo = 0; daysAgo <= 3; daysAgo++) {
            jdbc.update("insert into analytics_visitor_hashes (project_id, day, visitor_hash) values (?, ?, ?)",
                    project, Date.valueOf(today.minusDays(daysAgo)), "h" + daysAgo);
            jdbc.update("insert into analytics_daily_visitors (project_id, day, visitors) values (?, ?, 1)", project,
                    Date.valueOf(today.minusDays(daysAgo)));
        }

        retention.apply();
        retention.apply();

        assertThat(jdbc.queryForList("select bucket_start from analytics_minutes where project_id = ?",
                Timestamp.class, project)).extracting(Timestamp::toInstant)
                .containsExactly(now.minus(Duration.ofDays(29)));
        assertThat(jdbc.queryForList("select visitor_hash from analytics_visitor_hashes where project_id = ?",
                String.class, project)).containsExactlyInAnyOrder("h0", "h1");
        assertThat(jdbc.queryForObject("select count(*) from analytics_daily_visitors where project_id = ?",
                Long.class, project)).isEqualTo(4);
    }

    private void minute(Instant at) {
        jdbc.update("""
                insert into analytics_minutes (project_id, bucket_start, requests, status_2xx, status_3xx, status_4xx,
                    status_5xx, bytes_sent, latency_histogram, top_paths)
                values (?, ?, 1, 1, 0, 0, 0, 10, '{1}', '{"/": 1}')""", project, Timestamp.from(at));
    }
}
