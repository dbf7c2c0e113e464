package dev.paas.project.web;

import dev.paas.project.deployments.Deployment;
import dev.paas.project.deployments.DeploymentService;
import dev.paas.project.projects.Project;
import dev.paas.project.projects.ProjectRegistration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Projects: create, list, read, and trigger deployments. */
@RestController
@RequestMapping("/api/v1/projects")
class ProjectsController {

    private final ProjectRegistration registration;
    private final DeploymentService deployments;

    ProjectsController(ProjectRegistration registration, DeploymentService deployments) {
        this.registration = registration;
        this.deployments = deployments;
    }

    @PostMapping
    ResponseEntity<ProjectView> create(@Valid @RequestBody CreateProject request) {
        Project project = registration.register(request.name(), request.repoUrl(), request.branch());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project.id())).body(view(project));
    }

    @GetMapping
    List<ProjectView> list() {
        return registration.all().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    ProjectView get(@PathVariable UUID id) {
        return view(registration.get(id));
    }

    @PostMapping("/{id}/deployments")
    ResponseEntity<DeploymentView> deploy(@PathVariable UUID id) {
        Deployment deployment = deployments.request(registration.get(id));
        return ResponseEntity.accepted().location(URI.create("/api/v1/deployments/" + deployment.id()))
                .body(DeploymentView.of(deployment));
    }

    @GetMapping("/{id}/deployments")
    List<DeploymentView> deployments(@PathVariable UUID id) {
        registration.get(id);
        return deployments.ofProject(id).stream().map(DeploymentView::of).toList();
    }

    private ProjectView view(Project project) {
        Deployment latest = deployments.latestOf(project.id()).orElse(null);
        return new ProjectView(project.id(), project.name(), project.slug(), project.repoUrl(), project.branch(),
                registration.urlOf(project), latest == null ? "NEW" : latest.status().name(),
                latest == null ? null : latest.id(), project.createdAt());
    }

    /** Body of {@code POST /api/v1/projects}. {@code branch} defaults to {@code main}. */
    record CreateProject(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 500) String repoUrl,
            @Size(max = 200) String branch) {
    }

    /** A project as the API shows it; {@code status} is its latest deployment's, or {@code NEW}. */
    record ProjectView(UUID id, String name, String slug, String repoUrl, String branch, String url, String status,
            UUID latestDeploymentId, Instant createdAt) {
    }
}
