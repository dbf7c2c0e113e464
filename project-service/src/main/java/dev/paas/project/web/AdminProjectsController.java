package dev.paas.project.web;

import dev.paas.project.deployments.DeploymentService;
import dev.paas.project.projects.ProjectRegistration;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every user's projects with their owners, including those registered before accounts existed (no owner). Only
 * administrators get here: service-security guards {@code /api/v1/admin/**}.
 */
@RestController
@RequestMapping("/api/v1/admin/projects")
class AdminProjectsController {

    private final ProjectRegistration registration;
    private final DeploymentService deployments;

    AdminProjectsController(ProjectRegistration registration, DeploymentService deployments) {
        this.registration = registration;
        this.deployments = deployments;
    }

    @GetMapping
    List<ProjectView> all() {
        return registration.all().stream().map(project -> ProjectView.of(project, registration.urlOf(project),
                deployments.latestOf(project.id()).orElse(null))).toList();
    }
}
