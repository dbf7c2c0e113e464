package dev.paas.metrics.containers;

/**
 * The raw samples of a period with, per sample, how much each I/O counter grew since the container's previous
 * sample. The counters start again at 0 when a container restarts: a counter below its previous value counts
 * from 0, so a delta is never negative. A period's first sample takes its previous one from up to 10 minutes
 * before the period; without one its delta is 0.
 */
final class RawDeltas {

    /**
     * Parameters: the period's start and end, then those of the filter that replaces {@code %s}
     * ({@code and project_id = ?}, or empty). Rows before the start are only there for the deltas: filter
     * {@code bucket_at >= start} outside.
     */
    static final String SELECT = """
            select container_id, bucket_at, kind, project_id, deployment_id, instance, database_id, cpu_percent,
                cpu_host_percent, memory_bytes, memory_limit_bytes, network_rx_bytes, network_tx_bytes,
                block_read_bytes, block_write_bytes, restart_count,
                %1$s as rx_delta, %2$s as tx_delta, %3$s as read_delta, %4$s as write_delta
            from container_samples
            where bucket_at >= ?::timestamptz - interval '10 minutes' and bucket_at < ? %%s
            window w as (partition by container_id order by bucket_at)"""
            .formatted(delta("network_rx_bytes"), delta("network_tx_bytes"), delta("block_read_bytes"),
                    delta("block_write_bytes"));

    private RawDeltas() {
    }

    private static String delta(String counter) {
        return ("case when lag(%1$s) over w is null then 0 when %1$s >= lag(%1$s) over w then %1$s - lag(%1$s) over w"
                + " else %1$s end").formatted(counter);
    }
}
