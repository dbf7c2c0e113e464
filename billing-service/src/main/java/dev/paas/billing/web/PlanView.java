package dev.paas.billing.web;

import dev.paas.billing.plans.Plan;
import dev.paas.billing.plans.PlanLimits;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A plan as the API shows it; amounts are decimal strings of scale 4. */
record PlanView(UUID id, String name, int cpuMillis, int memoryMb, int diskMb, int maxInstances, int maxApps,
        Map<String, Integer> maxDatabasesPerType, int databaseDiskMb, List<String> allowedRuntimes,
        String monthlyPrice, String hourlyRate, String status, Instant createdAt, Instant updatedAt) {

    static PlanView of(Plan plan) {
        PlanLimits l = plan.limits();
        return new PlanView(plan.id(), plan.name(), l.cpuMillis(), l.memoryMb(), l.diskMb(), l.maxInstances(),
                l.maxApps(), l.maxDatabasesPerType(), l.databaseDiskMb(), l.allowedRuntimes(),
                plan.price().monthly().toPlainString(), plan.price().hourly().toPlainString(), plan.status().name(),
                plan.createdAt(), plan.updatedAt());
    }
}
