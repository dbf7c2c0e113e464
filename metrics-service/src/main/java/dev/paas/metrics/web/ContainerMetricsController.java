package dev.paas.metrics.web;

import dev.paas.metrics.containers.ContainerMetricSeries;
import dev.paas.metrics.containers.ContainerMetrics;
import dev.paas.metrics.owners.KnownResources;
import dev.paas.problems.InvalidInput;
import dev.paas.problems.NotFound;
import dev.paas.security.CurrentUser;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * CPU, memory, network and block I/O of a project's app containers and of a database's container over time, for
 * their owner (and administrators). Another user's id is answered like an unknown one.
 */
@RestController
class ContainerMetricsController {

    /** Default steps keep a series under this many points. */
    static final int DEFAULT_POINTS = 500;
    /** A chosen step may give at most this many points. */
    static final int MAX_POINTS = 5000;

    private static final Pattern STEP = Pattern.compile("(\\d{1,9})([smhd]?)");

    private final ContainerMetrics metrics;
    private final KnownResources resources;

    ContainerMetricsController(ContainerMetrics metrics, KnownResources resources) {
        this.metrics = metrics;
        this.resources = resources;
    }

    @GetMapping("/api/v1/projects/{id}/metrics")
    ContainerMetricSeries project(@PathVariable UUID id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String step,
            CurrentUser user) {
        if (!user.admin() && !resources.ownsProject(user.id(), id)) {
            throw new NotFound("project", id);
        }
        Range range = range(from, to, step);
        return metrics.ofProject(id, range.from(), range.to(), range.step());
    }

    @GetMapping("/api/v1/databases/{id}/metrics")
    ContainerMetricSeries database(@PathVariable UUID id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String step,
            CurrentUser user) {
        if (!user.admin() && !resources.ownsDatabase(user.id(), id)) {
            throw new NotFound("database", id);
        }
        Range range = range(from, to, step);
        return metrics.ofDatabase(id, range.from(), range.to(), range.step());
    }

    private record Range(Instant from, Instant to, Duration step) {
    }

    private Range range(String fromParameter, String toParameter, String stepParameter) {
        Instant to = toParameter == null || toParameter.isBlank() ? metrics.now() : instant("to", toParameter);
        Instant from = fromParameter == null || fromParameter.isBlank() ? to.minus(Duration.ofHours(1))
                : instant("from", fromParameter);
        if (!from.isBefore(to)) {
            throw new InvalidInput("from", "must be before to");
        }
        Duration range = Duration.between(from, to);
        if (range.compareTo(metrics.retention()) > 0) {
            throw new InvalidInput("from", "must be at most " + metrics.retention().toDays()
                    + " days before to, as long as metrics are kept");
        }
        long interval = metrics.interval().toSeconds();
        Duration step;
        if (stepParameter == null || stepParameter.isBlank()) {
            long seconds = Math.max(interval, -Math.floorDiv(-range.toSeconds(), DEFAULT_POINTS));
            step = Duration.ofSeconds(-Math.floorDiv(-seconds, interval) * interval);
        } else {
            step = step(stepParameter);
            if (step.toSeconds() < interval) {
                throw new InvalidInput("step", "must be at least " + interval + "s, the sampling interval");
            }
            if (range.toSeconds() / step.toSeconds() > MAX_POINTS) {
                throw new InvalidInput("step", "is too small for the range: at most " + MAX_POINTS
                        + " points per series");
            }
        }
        return new Range(from, to, step);
    }

    private static Instant instant(String parameter, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(parameter, "must be an ISO-8601 instant such as 2026-01-01T10:00:00Z");
        }
    }

    /** {@code 15s}, {@code 1m}, {@code 1h}, {@code 1d}, plain seconds, or an ISO-8601 duration. */
    static Duration step(String value) {
        String step = value.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = STEP.matcher(step);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            Duration unit = switch (matcher.group(2)) {
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                case "d" -> Duration.ofDays(1);
                default -> Duration.ofSeconds(1);
            };
            return unit.multipliedBy(amount);
        }
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("step", "must be a duration such as 15s, 1m, 1h or a number of seconds");
        }
    }
}
