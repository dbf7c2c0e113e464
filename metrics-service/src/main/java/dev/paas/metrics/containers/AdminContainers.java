package dev.paas.metrics.containers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Service;

/**
 * The admin's view of every container the platform runs, as the latest sampling pass saw it, without anything that
 * tells whose it is or what it serves: no project, repository, container name, owner, variables or labels. Rows
 * carry an opaque id, a keyed hash of the container id under a key this process draws at start.
 */
@Service
public class AdminContainers {

    private final ContainerSampler sampler;
    private final DeploymentStacks stacks;
    private final SecretKeySpec key;

    AdminContainers(ContainerSampler sampler, DeploymentStacks stacks) {
        this.sampler = sampler;
        this.stacks = stacks;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /**
     * One container of the admin's list.
     *
     * @param id an opaque id, stable while this replica runs
     * @param kind an app replica or a database
     * @param stack the app's build stack ({@code node}, {@code static}, {@code dockerfile}...) or the database's
     *     image ({@code postgres:15}); {@code unknown} when metrics-service has not heard of it
     * @param status Docker's state
     * @param cpuPercent CPU in percent of the container's limit
     * @param cpuPercentOfHost CPU in percent of the host
     * @param memoryBytes memory in use without page cache
     * @param memoryLimitBytes the memory limit
     * @param uptimeSeconds seconds since the container last started
     * @param restartCount how often Docker restarted it
     */
    public record Row(String id, ContainerKind kind, String stack, String status, double cpuPercent,
            double cpuPercentOfHost, long memoryBytes, long memoryLimitBytes, long uptimeSeconds, int restartCount) {
    }

    /** Every sampled container, apps first, the busiest first. */
    public List<Row> list() {
        Map<UUID, String> known = new HashMap<>();
        return sampler.latest().stream()
                .map(sample -> new Row(opaqueId(sample.containerId()), sample.kind(), stackOf(sample, known),
                        sample.status(), round(sample.cpuPercentOfLimit()), round(sample.cpuPercentOfHost()),
                        sample.memoryBytes(), sample.memoryLimitBytes(), uptime(sample), sample.restartCount()))
                .sorted(Comparator.comparing(Row::kind).thenComparing(Comparator.comparingDouble(Row::cpuPercent)
                        .reversed()))
                .toList();
    }

    private String stackOf(ContainerSample sample, Map<UUID, String> known) {
        if (sample.kind() == ContainerKind.DATABASE) {
            return sampler.imageOf(sample.containerId()).map(AdminContainers::imageName).orElse("unknown");
        }
        if (sample.deploymentId() == null) {
            return "unknown";
        }
        return known.computeIfAbsent(sample.deploymentId(),
                deployment -> stacks.stackOf(deployment).orElse("unknown"));
    }

    /** {@code paas/postgres:15} and {@code registry:5000/x/postgres:15} both name {@code postgres:15}. */
    static String imageName(String image) {
        String name = image.substring(image.lastIndexOf('/') + 1);
        int digest = name.indexOf('@');
        return digest >= 0 ? name.substring(0, digest) : name;
    }

    private static long uptime(ContainerSample sample) {
        return Optional.ofNullable(sample.startedAt())
                .map(started -> Math.max(0, Duration.between(started, sample.sampledAt()).toSeconds()))
                .orElse(0L);
    }

    private static double round(double percent) {
        return Math.round(percent * 100) / 100.0;
    }

    private String opaqueId(String containerId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] hash = mac.doFinal(containerId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
