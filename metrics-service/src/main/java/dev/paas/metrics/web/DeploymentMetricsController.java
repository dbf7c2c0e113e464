package dev.paas.metrics.web;

import dev.paas.metrics.deployments.DeploymentTimeline;
import dev.paas.problems.NotFound;
import dev.paas.security.CurrentUser;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Deployment metrics for the dashboard: the caller's own, and everybody's for administrators. */
@RestController
class DeploymentMetricsController {

    private final DeploymentTimeline timeline;

    DeploymentMetricsController(DeploymentTimeline timeline) {
        this.timeline = timeline;
    }

    @GetMapping("/api/v1/metrics/deployments")
    List<DeploymentTimeline.MilestoneCount> counts(CurrentUser user) {
        return timeline.counts(user.id());
    }

    @GetMapping("/api/v1/admin/metrics/deployments")
    List<DeploymentTimeline.MilestoneCount> countsOfEveryone() {
        return timeline.countsOfEveryone();
    }

    /** Someone else's deployment is answered exactly like one that is unknown or not live yet. */
    @GetMapping("/api/v1/metrics/deployments/{id}/time-to-live")
    TimeToLive timeToLive(@PathVariable UUID id, CurrentUser user) {
        return timeline.timeToLive(id, user.id())
                .map(duration -> new TimeToLive(id, duration.toMillis()))
                .orElseThrow(() -> new NotFound("time to live of deployment", id, "it is unknown or not live yet"));
    }

    /** Milliseconds from build start to a healthy container. */
    record TimeToLive(UUID deploymentId, long millis) {
    }
}
