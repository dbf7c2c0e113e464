package dev.paas.metrics.capacity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Measures the host: CPU from the difference of {@code /proc/stat} since the previous measurement, memory from
 * {@code /proc/meminfo}, disk from the file system holding the platform's data. Not thread-safe: one sampler calls it.
 */
final class HostProbe {

    private final ProcFiles proc;
    private final Path disk;
    private final String host;
    private final Clock clock;
    private ProcFiles.CpuTimes previous;

    HostProbe(ProcFiles proc, Path disk, String host, Clock clock) {
        this.proc = proc;
        this.disk = disk;
        this.host = host == null || host.isBlank() ? proc.hostname() : host;
        this.clock = clock;
        // The first sample averages since boot: a baseline taken now would measure mostly this JVM's own start-up
        // and could close admission on every restart.
        this.previous = new ProcFiles.CpuTimes(0, 0);
    }

    String host() {
        return host;
    }

    HostSample measure() {
        ProcFiles.CpuTimes now = proc.cpuTimes();
        double cpu = now.percentSince(previous);
        previous = now;
        long[] memory = proc.memoryTotalAndUsed();
        long[] space = diskTotalAndUsed();
        return new HostSample(host, clock.instant(), proc.cores(), cpu, memory[0], memory[1], space[0], space[1]);
    }

    /**
     * As df's Use% counts it: used is what is not free, and the total is used plus what is still available to
     * unprivileged writers (blocks reserved for root would never hold an image or a volume).
     */
    private long[] diskTotalAndUsed() {
        try {
            FileStore store = Files.getFileStore(disk);
            long used = store.getTotalSpace() - store.getUnallocatedSpace();
            return new long[] {used + store.getUsableSpace(), used};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure the disk holding " + disk, e);
        }
    }
}
