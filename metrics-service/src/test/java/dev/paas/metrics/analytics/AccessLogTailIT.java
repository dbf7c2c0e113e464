package dev.paas.metrics.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.metrics.owners.KnownResources;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The tail against real files and the real database: restarts, a second replica, rotation and truncation. */
class AccessLogTailIT extends AnalyticsComponentTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    AnalyticsStore store;
    @Autowired
    KnownResources resources;
    @Autowired
    ProjectAnalytics analytics;
    @Autowired
    AnalyticsProperties properties;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    private final UUID project = UUID.randomUUID();
    private final String host = "tail-" + project.toString().substring(0, 8) + ".paas.localhost";
    private final List<AccessLogTail> tails = new ArrayList<>();
    private Path file;

    @BeforeEach
    void registerProject() {
        resources.projectRegistered(project, host.substring(0, host.indexOf('.')), UUID.randomUUID(), Instant.now());
        file = dir.resolve("access.log");
    }

    @AfterEach
    void stopTails() {
        tails.forEach(AccessLogTail::stop);
    }

    @Test
    void resumesExactlyAfterTheLastCountedLineAfterARestart() throws IOException {
        CaddyLogLines.append(file, host, 100);
        AccessLogTail first = started();
        awaitRequests(100);
        first.stop();

        CaddyLogLines.append(file, host, 50);
        started();

        awaitRequests(150);
        awaitReadToTheEnd(file);
        assertThat(requests()).isEqualTo(150);
        assertThat(report().visitorsPerDay()).singleElement().satisfies(day -> {
            assertThat(day.day()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
            assertThat(day.visitors()).isEqualTo(3);
        });
        assertThat(report().topPaths()).hasSize(5).allSatisfy(path -> assertThat(path.requests()).isEqualTo(30));
    }

    @Test
    void aSecondReplicaStandsByUntilTheFirstLetsGo() throws IOException {
        AccessLogTail first = started();
        started();
        CaddyLogLines.append(file, host, 40);
        awaitRequests(40);
        awaitReadToTheEnd(file);
        assertThat(requests()).isEqualTo(40);

        first.stop();
        CaddyLogLines.append(file, host, 10);

        awaitRequests(50);
        awaitReadToTheEnd(file);
        assertThat(requests()).isEqualTo(50);
    }

    @Test
    void readsTheEndOfARotatedFileThenTheNewOne() throws IOException {
        started();
        CaddyLogLines.append(file, host, 30);
        awaitRequests(30);

        CaddyLogLines.append(file, host, 5);
        rotate();
        CaddyLogLines.append(file, host, 20);

        awaitRequests(55);
        awaitReadToTheEnd(file);
        assertThat(requests()).isEqualTo(55);
    }

    @Test
    void finishesTheRotatedFileAfterARestart() throws IOException {
        AccessLogTail first = started();
        CaddyLogLines.append(file, host, 30);
        awaitRequests(30);
        first.stop();

        CaddyLogLines.append(file, host, 5);
        rotate();
        CaddyLogLines.append(file, host, 20);
        started();

        awaitRequests(55);
        awaitReadToTheEnd(file);
        assertThat(requests()).isEqualTo(55);
    }

    @Test
    void readsAFileThatShrankFromItsStart() throws IOException {
        started();
        CaddyLogLines.append(file, host, 10);
        awaitRequests(10);

        Files.writeString(file, "", StandardCharsets.UTF_8);
        CaddyLogLines.append(file, host, 3);

        awaitRequests(13);
        awaitReadToTheEnd(file);
        assertThat(requests()).isEqualTo(13);
    }

    @Test
    void waitsForAFileThatDoesNotExistYet() throws IOException {
        started();
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> requests() == 0);

        CaddyLogLines.append(file, host, 7);

        awaitRequests(7);
    }

    /** As Caddy rolls its log: renamed to {@code <name>-<time>.log}, a new file in its place. */
    private void rotate() throws IOException {
        Files.move(file, dir.resolve("access-2026-12-01T20-00-00.000.log"));
        Files.writeString(file, "", StandardCharsets.UTF_8);
    }

    private AccessLogTail started() {
        AccessLogTail tail = new AccessLogTail(file, store, new HostAttribution(resources::projectServedAt, Duration.ofSeconds(1)),
                new VisitorHashes("key"), properties, new SimpleMeterRegistry());
        tails.add(tail);
        tail.start();
        return tail;
    }

    private void awaitRequests(long expected) {
        await().atMost(WAIT).until(this::requests, count -> count >= expected);
    }

    private void awaitReadToTheEnd(Path path) throws IOException {
        long size = Files.size(path);
        String logPath = path.toAbsolutePath().normalize().toString();
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "select file_offset from analytics_tail_positions where log_path = ?", Long.class, logPath),
                offset -> offset == size);
    }

    private long requests() {
        return report().totals().requests();
    }

    private ProjectAnalytics.Report report() {
        Instant now = Instant.now();
        return analytics.report(project, now.minus(Duration.ofHours(1)), now.plus(Duration.ofMinutes(1)));
    }
}
