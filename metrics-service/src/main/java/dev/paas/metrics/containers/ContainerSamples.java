package dev.paas.metrics.containers;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The raw samples, one row per container and sampling interval. Several replicas store the same pass: the sample
 * time truncated to the interval is part of the key and a second insert does nothing.
 */
@Repository
class ContainerSamples {

    private final JdbcTemplate jdbc;
    private final long intervalSeconds;

    ContainerSamples(JdbcTemplate jdbc, ContainersProperties properties) {
        this.jdbc = jdbc;
        this.intervalSeconds = properties.interval().toSeconds();
    }

    @EventListener
    void on(ContainersSampled pass) {
        store(pass.samples());
    }

    /** Stores the samples; a sample of a container whose interval is already stored changes nothing. */
    void store(List<ContainerSample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into container_samples (container_id, bucket_at, kind, project_id, deployment_id, instance,
                    database_id, sampled_at, cpu_percent, cpu_host_percent, memory_bytes, memory_limit_bytes,
                    network_rx_bytes, network_tx_bytes, block_read_bytes, block_write_bytes, restart_count)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (container_id, bucket_at) do nothing""", samples, samples.size(), (row, sample) -> {
            row.setString(1, sample.containerId());
            row.setTimestamp(2, Timestamp.from(bucketOf(sample.sampledAt())));
            row.setString(3, sample.kind().name());
            row.setObject(4, sample.projectId());
            row.setObject(5, sample.deploymentId());
            row.setInt(6, sample.instance());
            row.setObject(7, sample.databaseId());
            row.setTimestamp(8, Timestamp.from(sample.sampledAt()));
            row.setDouble(9, sample.cpuPercentOfLimit());
            row.setDouble(10, sample.cpuPercentOfHost());
            row.setLong(11, sample.memoryBytes());
            row.setLong(12, sample.memoryLimitBytes());
            row.setLong(13, sample.networkRxBytes());
            row.setLong(14, sample.networkTxBytes());
            row.setLong(15, sample.blockReadBytes());
            row.setLong(16, sample.blockWriteBytes());
            row.setInt(17, sample.restartCount());
        });
    }

    /** The start of the sampling interval {@code at} falls in. */
    Instant bucketOf(Instant at) {
        long seconds = Math.floorDiv(at.getEpochSecond(), intervalSeconds) * intervalSeconds;
        return Instant.ofEpochSecond(seconds);
    }

    /** How many raw samples a container has (tests). */
    int countOf(String containerId) {
        return jdbc.queryForObject("select count(*) from container_samples where container_id = ?", Integer.class,
                containerId);
    }

    /** Whether the project has any raw sample (tests). */
    boolean anyOfProject(UUID projectId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from container_samples where project_id = ?)", Boolean.class, projectId));
    }
}
