package dev.paas.metrics.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.testing.ServiceComponentTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rollups and retention against real PostgreSQL, on a database of this context's own (the jobs' state is global).
 * Every test runs at a "now" later than any test before it, so the jobs' progress never hides a test's samples.
 */
@ServiceComponentTest(database = "paas_metrics", freshDatabase = true)
@Import(ContainerRollupsIT.TestClock.class)
class ContainerRollupsIT {

    private static final AtomicLong RUNS = new AtomicLong();
    private static final Instant BASE = Instant.parse("2030-01-01T12:00:00Z");

    @Autowired
    ContainerSamples samples;

    @Autowired
    ContainerRollups rollups;

    @Autowired
    ContainerMetrics metrics;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TestClock clock;

    @Test
    void rollsUpMinutesAndHoursWithDeltasThatNeverGoNegativeAcrossARestart() {
        Instant now = nextNow();
        UUID project = UUID.randomUUID();
        String container = containerId();
        Instant start = now.minus(Duration.ofHours(3));
        List<ContainerSample> rows = new ArrayList<>();
        for (int i = 0; i <= 260; i++) {
            // The container restarts before sample 100: its network counter starts again from 0.
            long rx = i < 100 ? 1000L * i : 500 + 1000L * (i - 100);
            rows.add(sample(container, project, start.plusSeconds(15L * i), i % 2 == 0 ? 10 : 30,
                    (i % 2 == 0 ? 100L : 200L) << 20, rx, i < 100 ? 0 : 1));
        }
        samples.store(rows);
        samples.store(rows.subList(0, 10));

        ContainerRollups.Result result = rollups.run(now);

        assertThat(samples.countOf(container)).isEqualTo(261);
        assertThat(result.minuteRows()).isGreaterThanOrEqualTo(66);
        List<Map<String, Object>> minutes = rollupsOf(container, "1m");
        assertThat(minutes).hasSize(66);
        assertThat(minutes).allSatisfy(minute -> assertThat((Long) minute.get("network_rx_delta")).isNotNegative());
        assertThat(minutes.getFirst().get("samples")).isEqualTo(4);
        assertThat((Double) minutes.getFirst().get("cpu_percent_avg")).isEqualTo(20.0);
        assertThat((Double) minutes.getFirst().get("cpu_percent_max")).isEqualTo(30.0);
        assertThat(minutes.getFirst().get("memory_bytes_avg")).isEqualTo(150L << 20);
        assertThat(minutes.stream().mapToLong(minute -> (Long) minute.get("network_rx_delta")).sum())
                .isEqualTo(99_000 + 500 + 160_000);

        List<Map<String, Object>> hours = rollupsOf(container, "1h");
        assertThat(hours).hasSize(2);
        assertThat(hours.stream().mapToLong(hour -> (Long) hour.get("network_rx_delta")).sum())
                .isEqualTo(99_000 + 500 + 160_000);
        assertThat(hours.getFirst().get("samples")).isEqualTo(240);
        assertThat(hours.getFirst().get("restart_count")).isEqualTo(1);
        assertThat(hours.get(1).get("network_rx_last")).isEqualTo(500 + 1000L * 160);
    }

    @Test
    void keepsRawSamplesADayMinutesAWeekAndHoursThirtyDaysAndReadsTheTierThatCoversThePeriod() {
        Instant now = nextNow();
        clock.set(now);
        Map<Duration, String> byAge = Map.of(Duration.ofDays(31), containerId(), Duration.ofDays(8), containerId(),
                Duration.ofDays(2), containerId(), Duration.ofHours(2), containerId());
        Map<Duration, UUID> projects = new java.util.HashMap<>();
        byAge.forEach((age, container) -> {
            UUID project = UUID.randomUUID();
            projects.put(age, project);
            List<ContainerSample> rows = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                rows.add(sample(container, project, now.minus(age).plusSeconds(15L * i), 50, 64L << 20, 100L * i, 0));
            }
            samples.store(rows);
        });

        assertThat(rollups.run(now).deletedRows()).isPositive();

        assertThat(tiers(byAge.get(Duration.ofDays(31)))).containsExactly(0, 0, 0);
        assertThat(tiers(byAge.get(Duration.ofDays(8)))).containsExactly(0, 0, 1);
        assertThat(tiers(byAge.get(Duration.ofDays(2)))).containsExactly(0, 2, 1);
        assertThat(tiers(byAge.get(Duration.ofHours(2)))).containsExactly(8, 2, 1);

        ContainerMetricSeries week = read(projects.get(Duration.ofDays(8)), now.minus(Duration.ofDays(9)), now,
                Duration.ofHours(1));
        assertThat(week.resolution()).isEqualTo("1h");
        assertThat(week.total()).hasSize(1);
        assertThat(week.total().getFirst().networkRxBytes()).isEqualTo(700);
        ContainerMetricSeries days = read(projects.get(Duration.ofDays(2)), now.minus(Duration.ofDays(3)), now,
                Duration.ofMinutes(1));
        assertThat(days.resolution()).isEqualTo("1m");
        assertThat(days.instances().getFirst().points()).hasSize(2);
        ContainerMetricSeries recent = read(projects.get(Duration.ofHours(2)), now.minus(Duration.ofHours(3)), now,
                Duration.ofSeconds(30));
        assertThat(recent.resolution()).isEqualTo("raw");
        assertThat(recent.total()).hasSize(4);
        assertThat(recent.total().stream().mapToLong(MetricPoint::networkRxBytes).sum()).isEqualTo(700);
    }

    @Test
    void skipsAJobAnotherReplicaHolds() {
        Instant now = nextNow();
        String container = containerId();
        samples.store(List.of(sample(container, UUID.randomUUID(), now.minus(Duration.ofMinutes(30)), 1, 1, 0, 0)));

        int whileHeld = transactions.execute(status -> {
            jdbc.queryForList("select job from container_rollup_jobs where job = 'minute-rollup' for update");
            return runElsewhere(() -> rollups.rollUpMinutes(now));
        });

        assertThat(whileHeld).isZero();
        assertThat(rollupsOf(container, "1m")).isEmpty();
        assertThat(rollups.rollUpMinutes(now)).isPositive();
        assertThat(rollupsOf(container, "1m")).hasSize(1);
    }

    @Test
    void twoConcurrentRunsWriteEachRollupRowOnce() throws Exception {
        Instant now = nextNow();
        // Whatever earlier tests left for the jobs is rolled up first, so that the counts below are this test's.
        rollups.run(now.minus(Duration.ofDays(1)));
        List<String> containers = List.of(containerId(), containerId(), containerId());
        for (String container : containers) {
            List<ContainerSample> rows = new ArrayList<>();
            for (int i = 0; i < 4 * 90; i++) {
                rows.add(sample(container, UUID.randomUUID(), now.minus(Duration.ofHours(2)).plusSeconds(15L * i), 5,
                        1 << 20, i, 0));
            }
            samples.store(rows);
        }

        CountDownLatch ready = new CountDownLatch(2);
        Callable<ContainerRollups.Result> run = () -> {
            ready.countDown();
            ready.await(10, TimeUnit.SECONDS);
            return rollups.run(now);
        };
        List<ContainerRollups.Result> results = new ArrayList<>();
        try (ExecutorService replicas = Executors.newFixedThreadPool(2)) {
            List<Future<ContainerRollups.Result>> runs = List.of(replicas.submit(run), replicas.submit(run));
            for (Future<ContainerRollups.Result> result : runs) {
                results.add(result.get(60, TimeUnit.SECONDS));
            }
        }

        int minuteRows = 0;
        int hourRows = 0;
        for (String container : containers) {
            minuteRows += rollupsOf(container, "1m").size();
            hourRows += rollupsOf(container, "1h").size();
        }
        assertThat(minuteRows).isEqualTo(3 * 90);
        // The last hour is not complete yet at now - 1 minute.
        assertThat(hourRows).isEqualTo(3);
        // Each bucket was rolled up by one run: the rows the two runs wrote add up to what exists, not twice that.
        assertThat(results.stream().mapToInt(ContainerRollups.Result::minuteRows).sum()).isEqualTo(minuteRows);
        assertThat(results.stream().mapToInt(ContainerRollups.Result::hourRows).sum()).isEqualTo(hourRows);
        assertThat(results).filteredOn(result -> result.minuteRows() > 0).hasSize(1);
    }

    private ContainerMetricSeries read(UUID project, Instant from, Instant to, Duration step) {
        return metrics.ofProject(project, from, to, step);
    }

    private List<Integer> tiers(String container) {
        return List.of(samples.countOf(container), rollupsOf(container, "1m").size(),
                rollupsOf(container, "1h").size());
    }

    private List<Map<String, Object>> rollupsOf(String container, String resolution) {
        return jdbc.queryForList("select * from container_rollups where container_id = ? and resolution = ?"
                + " order by bucket_at", container, resolution);
    }

    private static <T> T runElsewhere(Callable<T> call) {
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            return other.submit(call).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant nextNow() {
        return BASE.plus(Duration.ofDays(60 * RUNS.incrementAndGet()));
    }

    private static String containerId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static ContainerSample sample(String container, UUID project, Instant at, double cpu, long memory,
            long rx, int restarts) {
        return new ContainerSample(container, ContainerKind.APP, project, UUID.nameUUIDFromBytes(container.getBytes()), 0,
                null,
                UUID.randomUUID(), "running", at.minus(Duration.ofHours(4)), at, cpu, cpu / 4, memory, 256L << 20, rx,
                rx / 2, 0, 0, restarts);
    }

    /** A clock the test moves; the container metrics read it for the storage tier. */
    @TestConfiguration
    static class TestClock extends Clock {

        private volatile Instant now = BASE;

        @Bean
        @Primary
        Clock testClock() {
            return this;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
