package dev.paas.metrics.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Statistics;
import org.junit.jupiter.api.Test;

class UsageArithmeticTest {

    // docker stats of a container limited to 0.5 CPU and 64 MiB on a 2-core cgroup v1 host, as the engine sends it.
    private static final String STATS = """
            {
              "read": "2026-01-01T10:00:02Z", "preread": "2026-01-01T10:00:01Z",
              "cpu_stats": {"cpu_usage": {"total_usage": 2300000000, "percpu_usage": [1200000000, 1100000000]},
                            "system_cpu_usage": 104000000000, "online_cpus": 2},
              "precpu_stats": {"cpu_usage": {"total_usage": 2000000000},
                               "system_cpu_usage": 102000000000, "online_cpus": 2},
              "memory_stats": {"usage": 50000000, "limit": 67108864,
                               "stats": {"total_inactive_file": 10000000, "cache": 12000000}},
              "networks": {"eth0": {"rx_bytes": 1000, "tx_bytes": 200}, "eth1": {"rx_bytes": 24, "tx_bytes": 6}},
              "blkio_stats": {"io_service_bytes_recursive": [
                  {"major": 8, "minor": 0, "op": "Read", "value": 4096},
                  {"major": 8, "minor": 0, "op": "Write", "value": 8192},
                  {"major": 8, "minor": 16, "op": "read", "value": 1},
                  {"major": 8, "minor": 0, "op": "Total", "value": 12288}]}
            }""";

    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Test
    void computesCpuOfTheContainersLimitAndOfTheHostFromTheTwoSnapshots() throws Exception {
        UsageArithmetic.Usage usage = UsageArithmetic.of(json.readValue(STATS, Statistics.class),
                new UsageArithmetic.Limits(500_000_000, 0, 0, 64 << 20));

        // 0.3 s of CPU in 2 s of host time over 2 cores: 15 % of the host, 0.3 cores = 60 % of a 0.5-core limit.
        assertThat(usage.cpuPercentOfHost()).isCloseTo(15.0, within(1e-9));
        assertThat(usage.cpuPercentOfLimit()).isCloseTo(60.0, within(1e-9));
    }

    @Test
    void countsMemoryWithoutPageCacheAndSumsNetworkAndBlockIo() throws Exception {
        UsageArithmetic.Usage usage = UsageArithmetic.of(json.readValue(STATS, Statistics.class),
                new UsageArithmetic.Limits(0, 0, 0, 0));

        assertThat(usage.memoryBytes()).isEqualTo(40_000_000);
        assertThat(usage.memoryLimitBytes()).isEqualTo(67_108_864);
        assertThat(usage.networkRxBytes()).isEqualTo(1024);
        assertThat(usage.networkTxBytes()).isEqualTo(206);
        assertThat(usage.blockReadBytes()).isEqualTo(4097);
        assertThat(usage.blockWriteBytes()).isEqualTo(8192);
        // Without a CPU limit the limit is the whole host.
        assertThat(usage.cpuPercentOfLimit()).isCloseTo(usage.cpuPercentOfHost(), within(1e-9));
    }

    @Test
    void prefersCgroupV2InactiveFileAndNeverGoesNegative() {
        assertThat(UsageArithmetic.memoryWithoutCache(100, 30L, 50L)).isEqualTo(70);
        assertThat(UsageArithmetic.memoryWithoutCache(100, null, 50L)).isEqualTo(50);
        assertThat(UsageArithmetic.memoryWithoutCache(100, null, null)).isEqualTo(100);
        assertThat(UsageArithmetic.memoryWithoutCache(100, 130L, null)).isEqualTo(100);
    }

    @Test
    void readsTheCpuLimitFromNanoCpusThenTheQuotaThenTheHost() {
        assertThat(UsageArithmetic.limitCores(new UsageArithmetic.Limits(1_500_000_000L, 0, 0, 0), 4)).isEqualTo(1.5);
        assertThat(UsageArithmetic.limitCores(new UsageArithmetic.Limits(0, 50_000, 100_000, 0), 4)).isEqualTo(0.5);
        assertThat(UsageArithmetic.limitCores(new UsageArithmetic.Limits(0, 200_000, 0, 0), 4)).isEqualTo(2.0);
        assertThat(UsageArithmetic.limitCores(UsageArithmetic.Limits.NONE, 4)).isEqualTo(4.0);
    }

    @Test
    void reportsNoCpuWhenTheFirstSnapshotIsMissingOrCountersWentBackwards() {
        assertThat(UsageArithmetic.cpuFractionOfHost(500, 0, 1000, 0)).isZero();
        assertThat(UsageArithmetic.cpuFractionOfHost(100, 200, 2000, 1000)).isZero();
        assertThat(UsageArithmetic.cpuFractionOfHost(300, 200, 1000, 1000)).isZero();
        assertThat(UsageArithmetic.cpuFractionOfHost(300, 200, 1200, 1000)).isEqualTo(0.5);
    }
}
