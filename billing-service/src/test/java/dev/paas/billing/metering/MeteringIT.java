package dev.paas.billing.metering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.billing.BillingServiceApplication;
import dev.paas.messaging.testing.EventBus;
import dev.paas.testing.FreshDatabase;
import dev.paas.tokens.testing.TestTokens;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hourly run against real PostgreSQL, with time from a clock the test moves: stopped in the middle of an hour
 * and restarted, and two replicas on one database running at the same moments. Every resource is charged once for
 * every hour it ran in, none twice, and no hour is skipped.
 */
class MeteringIT {

    private static final Instant MIDNIGHT = Instant.parse("2030-01-01T00:00:00Z");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    @RegisterExtension
    final FreshDatabase database = FreshDatabase.perTest("paas_billing_metering_it");

    private final TestClock clock = new TestClock(MIDNIGHT);
    private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

    @AfterEach
    void stopReplicas() {
        replicas.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aRunStoppedInTheMiddleOfAnHourIsFinishedAfterARestartWithoutDoubleChargesOrGaps() {
        ConfigurableApplicationContext first = start();
        Map<String, BigDecimal> expected = usage();
        clock.set(MIDNIGHT.plus(Duration.ofMinutes(4 * 60 + 5)));

        HourlyMetering.Result stopped = first.getBean(HourlyMetering.class).run(25);
        assertThat(stopped.finished()).isFalse();
        assertThat(stopped.charged()).isEqualTo(25);
        first.close();

        ConfigurableApplicationContext second = start();
        HourlyMetering metering = second.getBean(HourlyMetering.class);
        HourlyMetering.Result others = metering.run();
        assertThat(others.hours()).as("the later hours; the first is still the stopped replica's").isEqualTo(3);
        assertThat(states()).containsEntry(HOUR.format(MIDNIGHT), "RUNNING");

        clock.advance(Duration.ofMinutes(11));
        HourlyMetering.Result resumed = metering.run();
        assertThat(resumed.hours()).isEqualTo(1);

        assertChargedExactly(filterUntil(expected, MIDNIGHT.plus(Duration.ofHours(4))));
        assertThat(states()).hasSize(4).containsOnlyKeys(hours(MIDNIGHT, 4)).allSatisfy((hour, state) ->
                assertThat(state).isEqualTo("DONE"));
    }

    @Test
    void twoReplicasRunningAtTheSameMomentsChargeEachHourOnce() throws Exception {
        List<ConfigurableApplicationContext> both = List.of(start(), start());
        Map<String, BigDecimal> expected = usage();
        for (int hour = 1; hour <= 6; hour++) {
            clock.set(MIDNIGHT.plus(Duration.ofHours(hour)).plusSeconds(30));
            List<CompletableFuture<HourlyMetering.Result>> runs = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (ConfigurableApplicationContext replica : both) {
                    runs.add(CompletableFuture.supplyAsync(() -> replica.getBean(HourlyMetering.class).run()));
                }
            }
            int metered = 0;
            for (CompletableFuture<HourlyMetering.Result> run : runs) {
                metered += run.get(60, TimeUnit.SECONDS).hours();
            }
            assertThat(metered).as("hour %d metered by exactly one run", hour).isEqualTo(1);
        }
        assertChargedExactly(filterUntil(expected, MIDNIGHT.plus(Duration.ofHours(6))));
        assertThat(states()).containsOnlyKeys(hours(MIDNIGHT, 6)).allSatisfy((hour, state) ->
                assertThat(state).isEqualTo("DONE"));
    }

    /** The figure: one hourly run over 10,000 metered resources (8,000 apps, 2,000 databases, 1,000 accounts). */
    @Test
    void meteringTenThousandResourcesTakesOneRun() {
        ConfigurableApplicationContext replica = start();
        JdbcTemplate jdbc = database.jdbc();
        Timestamp start = Timestamp.from(MIDNIGHT.plus(Duration.ofMinutes(5)));
        List<Object[]> containers = new ArrayList<>();
        for (int i = 0; i < 8_000; i++) {
            containers.add(new Object[] {UUID.randomUUID(), UUID.randomUUID(), owner(i % 1_000), "c" + i, start});
        }
        jdbc.batchUpdate("""
                insert into container_usage (deployment_id, project_id, owner_id, container_id, memory_bytes,
                    nano_cpus, started_at, stopped_at, version) values (?, ?, ?, ?, 1, 1, ?, null, 1)""", containers);
        List<Object[]> databases = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            databases.add(new Object[] {UUID.randomUUID(), UUID.randomUUID(), owner(i % 1_000), "db" + i, start});
        }
        jdbc.batchUpdate("""
                insert into database_usage (id, database_id, owner_id, name, type, started_at, stopped_at)
                values (?, ?, ?, ?, 'postgresql', ?, null)""", databases);
        clock.set(MIDNIGHT.plus(Duration.ofMinutes(61)));

        long began = System.nanoTime();
        HourlyMetering.Result result = replica.getBean(HourlyMetering.class).run();
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        assertThat(result.hours()).isEqualTo(1);
        assertThat(result.charged()).isEqualTo(10_000);
        assertThat(jdbc.queryForObject("select count(*) from ledger_entries", Integer.class)).isEqualTo(10_000);
        assertThat(jdbc.queryForObject("select sum(balance) from wallet_accounts", BigDecimal.class))
                .isEqualByComparingTo("-100.0000");
        Long recorded = jdbc.queryForObject("select duration_ms from metering_runs", Long.class);
        System.out.printf("FIGURE hourly metering run: 10,000 resources (8,000 apps, 2,000 databases, 1,000"
                + " accounts) charged in %d ms (run %d ms as recorded in metering_runs)%n", took.toMillis(),
                recorded);
    }

    private static UUID owner(int index) {
        return UUID.nameUUIDFromBytes(("bench-owner-" + index).getBytes());
    }

    /**
     * The usage the tests meter, and what each charge must be: 20 apps running from 00:10 (every fourth with two
     * replicas, every third stopping at 02:30, every fifth crash-looping at 01:20 and never charged after), and 6
     * databases from 00:20 (every other stopped at 01:15).
     */
    private Map<String, BigDecimal> usage() {
        JdbcTemplate jdbc = database.jdbc();
        Map<String, BigDecimal> expected = new TreeMap<>();
        BigDecimal rate = new BigDecimal("0.0100");
        for (int i = 0; i < 20; i++) {
            UUID project = UUID.randomUUID();
            UUID owner = UUID.nameUUIDFromBytes(("owner" + (i % 4)).getBytes());
            Instant start = MIDNIGHT.plus(Duration.ofMinutes(10));
            Instant stop = i % 5 == 0 ? MIDNIGHT.plus(Duration.ofMinutes(80))
                    : i % 3 == 0 ? MIDNIGHT.plus(Duration.ofMinutes(150)) : null;
            int replicas = i % 4 == 0 ? 2 : 1;
            for (int r = 0; r < replicas; r++) {
                jdbc.update("""
                        insert into container_usage (deployment_id, project_id, owner_id, container_id, memory_bytes,
                            nano_cpus, started_at, stopped_at, version) values (?, ?, ?, ?, 1, 1, ?, ?, 1)""",
                        UUID.randomUUID(), project, owner, "c" + i + "-" + r, Timestamp.from(start),
                        stop == null ? null : Timestamp.from(stop));
            }
            for (int hour = 0; hour < 8; hour++) {
                Instant at = MIDNIGHT.plus(Duration.ofHours(hour));
                if (stop == null || stop.isAfter(at)) {
                    expected.put("charge:app:" + project + ":" + HOUR.format(at),
                            rate.multiply(BigDecimal.valueOf(replicas)));
                }
            }
        }
        for (int i = 0; i < 6; i++) {
            UUID db = UUID.randomUUID();
            Instant stop = i % 2 == 0 ? MIDNIGHT.plus(Duration.ofMinutes(75)) : null;
            jdbc.update("""
                    insert into database_usage (id, database_id, owner_id, name, type, started_at, stopped_at)
                    values (?, ?, ?, ?, 'postgresql', ?, ?)""", UUID.randomUUID(), db,
                    UUID.nameUUIDFromBytes(("owner" + (i % 4)).getBytes()), "db" + i,
                    Timestamp.from(MIDNIGHT.plus(Duration.ofMinutes(20))), stop == null ? null : Timestamp.from(stop));
            for (int hour = 0; hour < 8; hour++) {
                Instant at = MIDNIGHT.plus(Duration.ofHours(hour));
                if (stop == null || stop.isAfter(at)) {
                    expected.put("charge:database:" + db + ":" + HOUR.format(at), rate);
                }
            }
        }
        return expected;
    }

    private void assertChargedExactly(Map<String, BigDecimal> expected) {
        JdbcTemplate jdbc = database.jdbc();
        Map<String, BigDecimal> charged = new TreeMap<>();
        jdbc.query("select reference, amount from ledger_entries where kind = 'CHARGE'",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> charged.put(rs.getString(1),
                        rs.getBigDecimal(2).negate()));
        assertThat(charged.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((reference, amount) -> assertThat(charged.get(reference)).as(reference)
                .isEqualByComparingTo(amount));
        assertThat(jdbc.queryForObject("select count(*) from ledger_entries", Integer.class))
                .isEqualTo(expected.size());
        // Every account's balance is the sum of its entries, and minus what it was charged.
        assertThat(jdbc.queryForObject("""
                select count(*) from wallet_accounts a
                where a.balance <> (select sum(amount) from ledger_entries e where e.user_id = a.user_id)""",
                Integer.class)).isZero();
        BigDecimal total = expected.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(jdbc.queryForObject("select sum(balance) from wallet_accounts", BigDecimal.class))
                .isEqualByComparingTo(total.negate());
    }

    private static Map<String, BigDecimal> filterUntil(Map<String, BigDecimal> expected, Instant until) {
        Map<String, BigDecimal> due = new TreeMap<>();
        expected.forEach((reference, amount) -> {
            Instant hour = Instant.parse(reference.substring(reference.length() - "2030-01-01T00:00Z".length())
                    .replace("Z", ":00Z"));
            if (hour.isBefore(until)) {
                due.put(reference, amount);
            }
        });
        return due;
    }

    private Map<String, String> states() {
        Map<String, String> states = new TreeMap<>();
        database.jdbc().query("select hour_start, state from metering_runs",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> states.put(
                        HOUR.format(rs.getTimestamp(1).toInstant()), rs.getString(2)));
        return states;
    }

    private static List<String> hours(Instant from, int count) {
        List<String> hours = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            hours.add(HOUR.format(from.plus(Duration.ofHours(i))));
        }
        return hours;
    }

    private ConfigurableApplicationContext start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BillingServiceApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("testClock", clock))
                .run("--server.port=0",
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.hikari.maximum-pool-size=3",
                        "--spring.cloud.stream.jetstream.binder.url=" + EventBus.shared().url(),
                        "--paas.security.jwks-url=" + TestTokens.shared().jwksUrl(),
                        "--paas.billing.metering.enabled=false",
                        "--spring.main.banner-mode=off");
        replicas.add(context);
        return context;
    }

    /** A clock the test sets and moves, shared by the replicas it starts. */
    static final class TestClock extends Clock {

        private volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
