package dev.paas.billing.metering;

import dev.paas.billing.usage.ContainerUsage;
import dev.paas.billing.usage.DatabaseUsage;
import dev.paas.billing.usage.DatabaseUsageRecorder;
import dev.paas.billing.usage.UsageRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The resources that ran in an hour, from the usage intervals: an app per project whose containers ran in it (see
 * {@link PeakInstances}), a database per database that was {@code RUNNING} in it (one instance). Stopped, failed,
 * crash-looped and suspended resources have closed intervals and are not among them for the hours after.
 */
@Component
class HourlyResources {

    private final UsageRecorder containers;
    private final DatabaseUsageRecorder databases;
    private final MeteringProperties properties;

    HourlyResources(UsageRecorder containers, DatabaseUsageRecorder databases, MeteringProperties properties) {
        this.containers = containers;
        this.databases = databases;
        this.properties = properties;
    }

    List<MeteredResource> of(Instant hourStart) {
        Instant hourEnd = hourStart.plus(Duration.ofHours(1));
        List<MeteredResource> resources = new ArrayList<>();
        Map<UUID, List<ContainerUsage>> byProject = new LinkedHashMap<>();
        for (ContainerUsage usage : containers.runningDuring(hourStart, hourEnd)) {
            byProject.computeIfAbsent(usage.projectId(), id -> new ArrayList<>()).add(usage);
        }
        byProject.forEach((projectId, intervals) -> {
            int instances = PeakInstances.of(intervals.stream()
                    .map(usage -> new PeakInstances.Interval(usage.startedAt(), usage.stoppedAt())).toList(),
                    hourStart, hourEnd, properties.handover());
            // Billed to the owner of its latest container: the one who ran it last in the hour.
            UUID owner = intervals.stream().max(Comparator.comparing(ContainerUsage::startedAt)).orElseThrow()
                    .ownerId();
            if (instances > 0) {
                resources.add(new MeteredResource(MeteredResource.APP, projectId, owner, null, instances));
            }
        });
        Map<UUID, DatabaseUsage> byDatabase = new LinkedHashMap<>();
        for (DatabaseUsage usage : databases.runningDuring(hourStart, hourEnd)) {
            byDatabase.putIfAbsent(usage.databaseId(), usage);
        }
        byDatabase.values().forEach(usage -> resources.add(new MeteredResource(MeteredResource.DATABASE,
                usage.databaseId(), usage.ownerId(), usage.name(), 1)));
        return resources;
    }
}
