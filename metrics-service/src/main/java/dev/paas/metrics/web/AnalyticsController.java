package dev.paas.metrics.web;

import dev.paas.metrics.analytics.ProjectAnalytics;
import dev.paas.metrics.owners.KnownResources;
import dev.paas.problems.InvalidInput;
import dev.paas.problems.NotFound;
import dev.paas.security.CurrentUser;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Request analytics of a project, for its owner and for administrators. */
@RestController
class AnalyticsController {

    private static final Duration DEFAULT_RANGE = Duration.ofHours(24);
    private static final Duration LONGEST_RANGE = Duration.ofDays(31);

    private final ProjectAnalytics analytics;
    private final KnownResources resources;

    AnalyticsController(ProjectAnalytics analytics, KnownResources resources) {
        this.analytics = analytics;
        this.resources = resources;
    }

    /** {@code from} and {@code to} are ISO-8601 instants; by default the last 24 hours. */
    @GetMapping("/api/v1/projects/{id}/analytics")
    ProjectAnalytics.Report analytics(@PathVariable UUID id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, CurrentUser user) {
        Instant end = to == null ? Instant.now() : instant("to", to);
        Instant start = from == null ? end.minus(DEFAULT_RANGE) : instant("from", from);
        if (!start.isBefore(end)) {
            throw new InvalidInput("from", "must be before to (" + end + "), was " + start);
        }
        if (Duration.between(start, end).compareTo(LONGEST_RANGE) > 0) {
            throw new InvalidInput("from", "must be at most 31 days before to (" + end + "), was " + start);
        }
        if (!user.admin() && !resources.ownsProject(user.id(), id)) {
            throw new NotFound("project", id);
        }
        return analytics.report(id, start, end);
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name, "must be an ISO-8601 instant such as 2026-12-01T10:00:00Z, was '" + value
                    + "'");
        }
    }
}
