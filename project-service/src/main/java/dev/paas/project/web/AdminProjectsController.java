package dev.paas.project.web;

import dev.paas.project.deployments.DeploymentService;
import dev.paas.problems.InvalidInput;
import dev.paas.project.projects.AuditEntry;
import dev.paas.project.projects.ProjectRegistration;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every user's projects with their owners, including those registered before accounts existed (no owner), and the
 * audit trail of deletions. Only
 * administrators get here: service-security guards {@code /api/v1/admin/**}.
 */
@RestController
@RequestMapping("/api/v1/admin/projects")
class AdminProjectsController {

    private static final int MAX_AUDIT_PAGE = 500;

    private final ProjectRegistration registration;
    private final DeploymentService deployments;

    AdminProjectsController(ProjectRegistration registration, DeploymentService deployments) {
        this.registration = registration;
        this.deployments = deployments;
    }

    @GetMapping
    List<ProjectView> all() {
        return registration.all().stream().map(project -> ProjectView.of(project, registration.urlOf(project),
                deployments.latestOf(project.id()).orElse(null), registration.runtimeOf(project.id()))).toList();
    }

    /** The audit trail of all projects, deleted ones included: the newest {@code limit} (1 to 500) records first. */
    @GetMapping("/audit")
    List<AuditEntry> audit(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_AUDIT_PAGE) {
            throw new InvalidInput("limit", "must be from 1 to " + MAX_AUDIT_PAGE + ", was " + limit);
        }
        return registration.auditTrail(limit);
    }
}
