package dev.paas.metrics.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcFilesTest {

    @TempDir
    Path proc;

    @Test
    void readsCpuTimesCoresMemoryAndHostName() throws IOException {
        Files.writeString(proc.resolve("stat"), """
                cpu  100 0 50 800 50 0 0 0 0 0
                cpu0 50 0 25 400 25 0 0 0 0 0
                cpu1 50 0 25 400 25 0 0 0 0 0
                intr 1 2 3
                """);
        Files.writeString(proc.resolve("meminfo"), """
                MemTotal:        1000 kB
                MemFree:          100 kB
                MemAvailable:     250 kB
                """);
        Files.createDirectories(proc.resolve("sys/kernel"));
        Files.writeString(proc.resolve("sys/kernel/hostname"), "node-1\n");
        ProcFiles files = new ProcFiles(proc);

        assertThat(files.cpuTimes()).isEqualTo(new ProcFiles.CpuTimes(1000, 850));
        assertThat(files.cores()).isEqualTo(2);
        assertThat(files.memoryTotalAndUsed()).containsExactly(1_024_000L, 768_000L);
        assertThat(files.hostname()).isEqualTo("node-1");
    }

    @Test
    void cpuPercentIsTheBusyShareOfTheTimeBetweenTwoReadings() {
        ProcFiles.CpuTimes earlier = new ProcFiles.CpuTimes(1000, 850);
        ProcFiles.CpuTimes later = new ProcFiles.CpuTimes(1200, 900);

        assertThat(later.percentSince(earlier)).isEqualTo(75.0);
        assertThat(earlier.percentSince(earlier)).isZero();
    }

    @Test
    void averagesCpuOverTheWindowOnly() {
        CpuAverage average = new CpuAverage(Duration.ofSeconds(60));
        Instant start = Instant.parse("2026-12-01T10:00:00Z");

        average.add(sample(start, 100));
        average.add(sample(start.plusSeconds(15), 0));
        assertThat(average.add(sample(start.plusSeconds(30), 50))).isEqualTo(50.0);
        assertThat(average.add(sample(start.plusSeconds(90), 20))).isEqualTo(35.0);
    }

    private static HostSample sample(Instant at, double cpu) {
        return new HostSample("h", at, 2, cpu, 1, 0, 1, 0);
    }
}
