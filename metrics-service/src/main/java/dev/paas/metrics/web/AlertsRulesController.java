package dev.paas.metrics.web;

import dev.paas.metrics.alerts.AlertRule;
import dev.paas.metrics.alerts.AlertRules;
import dev.paas.metrics.alerts.NewAlertRule;
import dev.paas.security.CurrentUser;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alert thresholds: a project's own (its owner's; another user's project answers 404) and the platform-wide ones
 * an administrator sets over the defaults.
 */
@RestController
class AlertsRulesController {

    private final AlertRules rules;

    AlertsRulesController(AlertRules rules) {
        this.rules = rules;
    }

    @GetMapping("/api/v1/projects/{projectId}/alert-rules")
    List<RuleView> ofProject(@PathVariable UUID projectId, CurrentUser user) {
        return rules.ofProject(projectId, user.id(), user.admin()).stream().map(RuleView::of).toList();
    }

    @PostMapping("/api/v1/projects/{projectId}/alert-rules")
    @ResponseStatus(HttpStatus.CREATED)
    RuleView addToProject(@PathVariable UUID projectId, @RequestBody(required = false) NewAlertRule request,
            CurrentUser user) {
        return RuleView.of(rules.addToProject(projectId, request, user.id(), user.admin()));
    }

    @DeleteMapping("/api/v1/projects/{projectId}/alert-rules/{ruleId}")
    ResponseEntity<Void> removeFromProject(@PathVariable UUID projectId, @PathVariable UUID ruleId,
            CurrentUser user) {
        rules.removeFromProject(projectId, ruleId, user.id(), user.admin());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/admin/alert-rules")
    List<RuleView> platform() {
        return rules.platform().stream().map(RuleView::of).toList();
    }

    @PostMapping("/api/v1/admin/alert-rules")
    @ResponseStatus(HttpStatus.CREATED)
    RuleView setPlatformRule(@RequestBody(required = false) NewAlertRule request, CurrentUser user) {
        return RuleView.of(rules.setPlatformRule(request, user.id()));
    }

    @DeleteMapping("/api/v1/admin/alert-rules/{ruleId}")
    ResponseEntity<Void> removePlatformRule(@PathVariable UUID ruleId) {
        rules.removePlatformRule(ruleId);
        return ResponseEntity.noContent().build();
    }

    /** A rule in the API: the metric by its API name, the duration in seconds. */
    record RuleView(UUID id, String scope, UUID projectId, String metric, double thresholdPercent,
            long durationSeconds, Instant createdAt) {

        static RuleView of(AlertRule rule) {
            return new RuleView(rule.id(), rule.scope(), rule.projectId(), rule.metric().apiName(),
                    rule.thresholdPercent(), rule.duration().toSeconds(), rule.createdAt());
        }
    }
}
