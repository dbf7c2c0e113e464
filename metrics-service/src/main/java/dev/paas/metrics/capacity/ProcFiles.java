package dev.paas.metrics.capacity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the host's CPU times, memory and name from a {@code /proc} file system. */
final class ProcFiles {

    private final Path proc;

    ProcFiles(Path proc) {
        this.proc = proc;
    }

    /** The aggregate {@code cpu} line of {@code stat}. */
    CpuTimes cpuTimes() {
        return CpuTimes.parse(lines("stat").stream().filter(line -> line.startsWith("cpu "))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(proc.resolve("stat") + " has no cpu line")));
    }

    /** The {@code cpuN} lines of {@code stat}: the cores the kernel schedules on. */
    int cores() {
        long cores = lines("stat").stream().filter(line -> line.matches("cpu\\d+ .*")).count();
        return (int) Math.max(1, cores);
    }

    /** MemTotal and MemTotal - MemAvailable of {@code meminfo}, in bytes. */
    long[] memoryTotalAndUsed() {
        long total = -1;
        long available = -1;
        for (String line : lines("meminfo")) {
            if (line.startsWith("MemTotal:")) {
                total = kibibytes(line);
            } else if (line.startsWith("MemAvailable:")) {
                available = kibibytes(line);
            }
        }
        if (total < 0 || available < 0) {
            throw new IllegalStateException(proc.resolve("meminfo") + " lacks MemTotal or MemAvailable");
        }
        return new long[] {total, total - available};
    }

    /** The kernel's host name, else what the JVM resolves. */
    String hostname() {
        Path file = proc.resolve("sys/kernel/hostname");
        try {
            if (Files.isReadable(file)) {
                String name = Files.readString(file).strip();
                if (!name.isEmpty()) {
                    return name;
                }
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static long kibibytes(String line) {
        String[] parts = line.trim().split("\\s+");
        return Long.parseLong(parts[1]) * 1024;
    }

    private List<String> lines(String name) {
        try {
            return Files.readAllLines(proc.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + proc.resolve(name), e);
        }
    }

    /**
     * Jiffies since boot of the {@code cpu} line: all of them and the idle ones (idle and iowait). Guest time is
     * already counted in user time, so it is left out of the total.
     */
    record CpuTimes(long total, long idle) {

        static CpuTimes parse(String line) {
            String[] fields = line.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + (fields.length > 5 ? Long.parseLong(fields[5]) : 0);
            return new CpuTimes(total, idle);
        }

        /** Busy share of the time between {@code earlier} and this, in percent; 0 when no time passed. */
        double percentSince(CpuTimes earlier) {
            long elapsed = total - earlier.total;
            if (elapsed <= 0) {
                return 0;
            }
            long busy = elapsed - (idle - earlier.idle);
            return Math.clamp(100.0 * busy / elapsed, 0.0, 100.0);
        }
    }
}
