package dev.paas.metrics.web;

import dev.paas.metrics.deployments.DeploymentTimeline;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Deployment metrics for the dashboard. */
@RestController
@RequestMapping("/api/v1/metrics/deployments")
class DeploymentMetricsController {

    private final DeploymentTimeline timeline;

    DeploymentMetricsController(DeploymentTimeline timeline) {
        this.timeline = timeline;
    }

    @GetMapping
    List<DeploymentTimeline.MilestoneCount> counts() {
        return timeline.counts();
    }

    @GetMapping("/{id}/time-to-live")
    ResponseEntity<TimeToLive> timeToLive(@PathVariable UUID id) {
        return timeline.timeToLive(id)
                .map(duration -> ResponseEntity.ok(new TimeToLive(id, duration.toMillis())))
                .orElse(ResponseEntity.notFound().build());
    }

    /** Milliseconds from build start to a healthy container. */
    record TimeToLive(UUID deploymentId, long millis) {
    }
}
