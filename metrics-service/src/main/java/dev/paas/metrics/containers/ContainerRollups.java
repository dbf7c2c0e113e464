package dev.paas.metrics.containers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rolls raw samples up into 1-minute buckets and those into hourly buckets, and deletes what is past its
 * retention. Every replica runs the jobs, but a job's row in {@code container_rollup_jobs} is claimed with
 * {@code for update skip locked} and holds the last completed bucket: each bucket is rolled up by one replica, once,
 * and a retention pass runs once per {@code rollup-interval}. A rollup insert does nothing on conflict, so even a
 * job state lost in a crash cannot count a bucket twice.
 */
@Component
class ContainerRollups {

    static final String MINUTE_JOB = "minute-rollup";
    static final String HOUR_JOB = "hour-rollup";
    static final String RETENTION_JOB = "retention";

    private static final Logger log = LoggerFactory.getLogger(ContainerRollups.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ContainersProperties properties;
    private final Clock clock;

    ContainerRollups(JdbcTemplate jdbc, TransactionTemplate transactions, ContainersProperties properties,
            ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Scheduled(initialDelayString = "${paas.metrics.containers.rollup-initial-delay:20s}",
            fixedDelayString = "${paas.metrics.containers.rollup-interval:30s}")
    void scheduledRun() {
        if (properties.rollups()) {
            try {
                run(clock.instant());
            } catch (RuntimeException e) {
                log.warn("Container rollups failed, tried again in {}: {}", properties.rollupInterval(),
                        e.toString());
            }
        }
    }

    /** Runs the minute and hour rollups and the retention pass as of {@code now}. */
    Result run(Instant now) {
        int minutes = rollUpMinutes(now);
        int hours = rollUpHours();
        int deleted = applyRetention(now);
        return new Result(minutes, hours, deleted);
    }

    /** What one run did: rollup rows written and rows deleted (0 for a job another replica held). */
    record Result(int minuteRows, int hourRows, int deletedRows) {
    }

    /**
     * Rolls up every complete minute not rolled up yet. A minute is complete once the samples of its last interval
     * have had their stats time-out to arrive.
     */
    int rollUpMinutes(Instant now) {
        Instant until = now.minus(properties.interval()).minus(properties.statsTimeout()).truncatedTo(ChronoUnit.MINUTES);
        return transactions.execute(status -> claim(MINUTE_JOB).map(job -> {
            Instant from = job.doneUntil().orElseGet(() -> firstBucket("container_samples", "", "1 minute"));
            if (from == null || !from.isBefore(until)) {
                return 0;
            }
            int rows = jdbc.update("""
                    insert into container_rollups (resolution, container_id, bucket_at, kind, project_id,
                        deployment_id, instance, database_id, samples, cpu_percent_avg, cpu_percent_max,
                        cpu_host_percent_avg, memory_bytes_avg, memory_bytes_max, memory_limit_bytes,
                        network_rx_delta, network_tx_delta, block_read_delta, block_write_delta,
                        network_rx_last, network_tx_last, block_read_last, block_write_last, restart_count)
                    select '1m', container_id, date_bin('1 minute', bucket_at, timestamptz 'epoch') as minute, kind,
                        project_id, deployment_id, instance, database_id, count(*), avg(cpu_percent),
                        max(cpu_percent), avg(cpu_host_percent), avg(memory_bytes)::bigint, max(memory_bytes),
                        max(memory_limit_bytes), sum(rx_delta), sum(tx_delta), sum(read_delta), sum(write_delta),
                        (array_agg(network_rx_bytes order by bucket_at desc))[1],
                        (array_agg(network_tx_bytes order by bucket_at desc))[1],
                        (array_agg(block_read_bytes order by bucket_at desc))[1],
                        (array_agg(block_write_bytes order by bucket_at desc))[1], max(restart_count)
                    from (%s) deltas
                    where bucket_at >= ?
                    group by container_id, minute, kind, project_id, deployment_id, instance, database_id
                    on conflict do nothing""".formatted(RawDeltas.SELECT.formatted("")),
                    Timestamp.from(from), Timestamp.from(until), Timestamp.from(from));
            advance(MINUTE_JOB, until);
            return rows;
        }).orElse(0));
    }

    /** Rolls up every hour whose minutes are all rolled up and that is not rolled up yet. */
    int rollUpHours() {
        return transactions.execute(status -> claim(HOUR_JOB).map(job -> {
            Optional<Instant> minutesDone = doneUntil(MINUTE_JOB);
            if (minutesDone.isEmpty()) {
                return 0;
            }
            Instant until = minutesDone.get().truncatedTo(ChronoUnit.HOURS);
            Instant from = job.doneUntil()
                    .orElseGet(() -> firstBucket("container_rollups", "where resolution = '1m'", "1 hour"));
            if (from == null || !from.isBefore(until)) {
                return 0;
            }
            int rows = jdbc.update("""
                    insert into container_rollups (resolution, container_id, bucket_at, kind, project_id,
                        deployment_id, instance, database_id, samples, cpu_percent_avg, cpu_percent_max,
                        cpu_host_percent_avg, memory_bytes_avg, memory_bytes_max, memory_limit_bytes,
                        network_rx_delta, network_tx_delta, block_read_delta, block_write_delta,
                        network_rx_last, network_tx_last, block_read_last, block_write_last, restart_count)
                    select '1h', container_id, date_bin('1 hour', bucket_at, timestamptz 'epoch') as hour, kind,
                        project_id, deployment_id, instance, database_id, sum(samples),
                        sum(cpu_percent_avg * samples) / sum(samples), max(cpu_percent_max),
                        sum(cpu_host_percent_avg * samples) / sum(samples),
                        (sum(memory_bytes_avg::numeric * samples) / sum(samples))::bigint, max(memory_bytes_max),
                        max(memory_limit_bytes), sum(network_rx_delta), sum(network_tx_delta),
                        sum(block_read_delta), sum(block_write_delta),
                        (array_agg(network_rx_last order by bucket_at desc))[1],
                        (array_agg(network_tx_last order by bucket_at desc))[1],
                        (array_agg(block_read_last order by bucket_at desc))[1],
                        (array_agg(block_write_last order by bucket_at desc))[1], max(restart_count)
                    from container_rollups
                    where resolution = '1m' and bucket_at >= ? and bucket_at < ?
                    group by container_id, hour, kind, project_id, deployment_id, instance, database_id
                    on conflict do nothing""", Timestamp.from(from), Timestamp.from(until));
            advance(HOUR_JOB, until);
            return rows;
        }).orElse(0));
    }

    /**
     * Deletes raw samples, minute and hour rollups past their retention, at most once per {@code rollup-interval}
     * across replicas. Nothing is deleted before the next tier has rolled it up.
     */
    int applyRetention(Instant now) {
        return transactions.execute(status -> claim(RETENTION_JOB).map(job -> {
            if (job.ranAt().filter(last -> last.isAfter(now.minus(properties.rollupInterval()))).isPresent()) {
                return 0;
            }
            Instant rawBefore = earliest(now.minus(properties.rawRetention()), doneUntil(MINUTE_JOB));
            Instant minutesBefore = earliest(now.minus(properties.minuteRetention()), doneUntil(HOUR_JOB));
            int deleted = jdbc.update("delete from container_samples where bucket_at < ?", Timestamp.from(rawBefore));
            deleted += jdbc.update("delete from container_rollups where resolution = '1m' and bucket_at < ?",
                    Timestamp.from(minutesBefore));
            deleted += jdbc.update("delete from container_rollups where resolution = '1h' and bucket_at < ?",
                    Timestamp.from(now.minus(properties.hourRetention())));
            deleted += jdbc.update("delete from deployment_stacks s where not exists (select 1 from container_samples c"
                    + " where c.deployment_id = s.deployment_id) and not exists (select 1 from container_rollups r"
                    + " where r.resolution = '1h' and r.deployment_id = s.deployment_id)");
            jdbc.update("update container_rollup_jobs set ran_at = ? where job = ?", Timestamp.from(now),
                    RETENTION_JOB);
            return deleted;
        }).orElse(0));
    }

    private static Instant earliest(Instant limit, Optional<Instant> done) {
        // A tier that has not rolled anything up yet keeps everything below it.
        Instant rolledUp = done.orElse(Instant.EPOCH);
        return rolledUp.isBefore(limit) ? rolledUp : limit;
    }

    private record Job(Optional<Instant> doneUntil, Optional<Instant> ranAt) {
    }

    /** The job's row, locked for this transaction; empty when another replica holds it. */
    private Optional<Job> claim(String job) {
        List<Job> rows = jdbc.query("select done_until, ran_at from container_rollup_jobs where job = ?"
                + " for update skip locked", (rs, n) -> new Job(
                        Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant),
                        Optional.ofNullable(rs.getTimestamp(2)).map(Timestamp::toInstant)), job);
        return rows.stream().findFirst();
    }

    private Optional<Instant> doneUntil(String job) {
        return jdbc.query("select done_until from container_rollup_jobs where job = ?",
                (rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant), job)
                .stream().findFirst().flatMap(done -> done);
    }

    private void advance(String job, Instant until) {
        jdbc.update("update container_rollup_jobs set done_until = ?, ran_at = now() where job = ?",
                Timestamp.from(until), job);
    }

    private Instant firstBucket(String table, String where, String width) {
        Timestamp first = jdbc.queryForObject("select date_bin('%s', min(bucket_at), timestamptz 'epoch') from %s %s"
                .formatted(width, table, where), Timestamp.class);
        return first == null ? null : first.toInstant();
    }
}
