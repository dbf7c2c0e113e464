package dev.paas.metrics.web;

import dev.paas.metrics.alerts.Alert;
import dev.paas.metrics.alerts.Alerts;
import dev.paas.problems.InvalidInput;
import dev.paas.problems.NotFound;
import dev.paas.security.CurrentUser;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The in-app alert list: the caller's own alerts ({@code ?state=open|resolved|all}, newest first, {@code limit} per
 * page, the next page {@code before} the last one's {@code openedAt}), and every alert for administrators.
 */
@RestController
class AlertsController {

    private static final int MAX_LIMIT = 500;

    private final Alerts alerts;

    AlertsController(Alerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/api/v1/alerts")
    List<Alert> mine(@RequestParam(defaultValue = "all") String state, @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String before, CurrentUser user) {
        return alerts.of(user.id(), state(state), before(before), limit(limit));
    }

    @GetMapping("/api/v1/alerts/{id}")
    Alert one(@PathVariable UUID id, CurrentUser user) {
        return alerts.find(id, user.id(), false).orElseThrow(() -> new NotFound("alert", id));
    }

    @GetMapping("/api/v1/admin/alerts")
    List<Alert> everyone(@RequestParam(defaultValue = "all") String state,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String before) {
        return alerts.ofEveryone(state(state), before(before), limit(limit));
    }

    @GetMapping("/api/v1/admin/alerts/{id}")
    Alert anyOne(@PathVariable UUID id, CurrentUser user) {
        return alerts.find(id, user.id(), true).orElseThrow(() -> new NotFound("alert", id));
    }

    private static Alerts.StateFilter state(String state) {
        try {
            return Alerts.StateFilter.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("state", "must be open, resolved or all");
        }
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", "must be from 1 to " + MAX_LIMIT);
        }
        return limit;
    }

    private static Instant before(String before) {
        try {
            return before == null || before.isBlank() ? null : Instant.parse(before.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("before", "must be an ISO-8601 instant like 2026-12-01T10:00:00Z");
        }
    }
}
