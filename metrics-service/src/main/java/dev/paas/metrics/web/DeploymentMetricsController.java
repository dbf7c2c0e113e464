package dev.paas.metrics.web;

import dev.paas.metrics.deployments.DeploymentTimeline;
import dev.paas.security.CurrentUser;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
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
                .orElseThrow(() -> notFound(id));
    }

    private static ErrorResponseException notFound(UUID id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "no time to live for deployment " + id + ": it is unknown or not live yet");
        problem.setTitle("Not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    /** Milliseconds from build start to a healthy container. */
    record TimeToLive(UUID deploymentId, long millis) {
    }
}
