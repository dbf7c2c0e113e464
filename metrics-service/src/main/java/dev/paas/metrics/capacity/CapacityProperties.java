package dev.paas.metrics.capacity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of host sampling and admission ({@code paas.metrics.capacity}).
 *
 * @param interval how often the host is sampled
 * @param thresholdPercent the admission threshold until an administrator stores one
 * @param procPath where the host's {@code /proc} is (a container may mount the host's elsewhere)
 * @param diskPath a path on the disk holding the platform's data; empty: {@code /var/lib/docker} if it exists,
 *        else {@code /}
 * @param host the host's name in events; empty: the kernel's host name
 * @param cpuWindow how long CPU is averaged over for admission: a single sample is noise, and on a small host one
 *        build keeps a core busy for minutes (memory and disk are what make a host fall over; CPU only slows it)
 * @param admission the resources that hold deployments back at the threshold: {@code memory} and {@code disk} by
 *        default, {@code cpu} too when listed. A full memory or disk makes a host fall over; a busy CPU only slows it,
 *        and on a small host every build keeps a core busy for minutes, so CPU would hold deployments for no harm
 * @param confirmSamples how many consecutive samples must agree before the admitting state flips
 * @param sampling whether this replica samples on its own (tests may call a pass directly)
 */
@ConfigurationProperties("paas.metrics.capacity")
record CapacityProperties(@DefaultValue("15s") Duration interval, @DefaultValue("85") double thresholdPercent,
        @DefaultValue("/proc") Path procPath, String diskPath, String host, @DefaultValue("5m") Duration cpuWindow,
        @DefaultValue({"memory", "disk"}) Set<String> admission, @DefaultValue("2") int confirmSamples, @DefaultValue("true") boolean sampling) {

    CapacityProperties {
        if (admission.isEmpty() || !CapacityVerdict.RESOURCES.containsAll(admission)) {
            throw new IllegalArgumentException("paas.metrics.capacity.admission must list some of cpu, memory and disk,"
                    + " not " + admission);
        }
        admission = Set.copyOf(admission);
    }

    /** The disk measured: the configured path, else Docker's root if this host has one, else the root. */
    Path disk() {
        if (diskPath != null && !diskPath.isBlank()) {
            return Path.of(diskPath);
        }
        Path docker = Path.of("/var/lib/docker");
        return Files.isDirectory(docker) ? docker : Path.of("/");
    }
}
