package dev.paas.billing.web;

import dev.paas.billing.usage.ContainerUsage;
import dev.paas.billing.usage.UsageRecorder;
import dev.paas.problems.NotFound;
import dev.paas.security.CurrentUser;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Container usage of the caller's projects, the basis of hourly charges. */
@RestController
@RequestMapping("/api/v1/billing/projects")
class UsageController {

    private final UsageRecorder usage;

    UsageController(UsageRecorder usage) {
        this.usage = usage;
    }

    /**
     * The project's container intervals, newest first. A project that never ran a container and someone else's
     * project both answer 404, so neither can be told from the other.
     */
    @GetMapping("/{projectId}/usage")
    List<UsageView> usage(@PathVariable UUID projectId, CurrentUser user) {
        Instant now = Instant.now();
        List<ContainerUsage> intervals = usage.ofProject(projectId, user.id());
        if (intervals.isEmpty()) {
            throw new NotFound("usage of project", projectId, "it is unknown or has not run a container yet");
        }
        return intervals.stream().map(interval -> UsageView.of(interval, now)).toList();
    }

    /** One container interval as the API shows it. */
    record UsageView(UUID deploymentId, String containerId, long memoryBytes, long nanoCpus, Instant startedAt,
            Instant stoppedAt, long seconds) {

        static UsageView of(ContainerUsage usage, Instant now) {
            return new UsageView(usage.deploymentId(), usage.containerId(), usage.memoryBytes(), usage.nanoCpus(),
                    usage.startedAt(), usage.stoppedAt(), usage.runtime(now).toSeconds());
        }
    }
}
