package dev.paas.project.web;

import dev.paas.project.capacity.HostCapacity;
import dev.paas.project.deployments.Deployment;
import dev.paas.project.deployments.DeploymentService;
import dev.paas.project.history.ProjectHistory;
import dev.paas.project.projects.Project;
import dev.paas.project.projects.ProjectRegistration;
import dev.paas.problems.InvalidInput;
import dev.paas.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The caller's projects: create, list, read, change settings, delete, trigger deployments and rollbacks, and read
 * their history.
 */
@RestController
@RequestMapping("/api/v1/projects")
class ProjectsController {

    private final ProjectRegistration registration;
    private final DeploymentService deployments;
    private final ProjectHistory history;
    private final HostCapacity capacity;
    private final ProjectViews views;

    ProjectsController(ProjectRegistration registration, DeploymentService deployments, ProjectHistory history,
            HostCapacity capacity, ProjectViews views) {
        this.registration = registration;
        this.deployments = deployments;
        this.history = history;
        this.capacity = capacity;
        this.views = views;
    }

    @PostMapping
    ResponseEntity<ProjectView> create(@Valid @RequestBody CreateProject request, CurrentUser user) {
        Project project = registration.register(user.id(), new ProjectRegistration.NewProject(request.name(),
                request.repoUrl(), request.branch(), request.githubRepository(), request.autoDeploy()));
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project.id())).body(view(project));
    }

    @GetMapping
    List<ProjectView> list(CurrentUser user) {
        return registration.ownedBy(user.id()).stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    ProjectView get(@PathVariable UUID id, CurrentUser user) {
        return view(registration.get(id, user.id()));
    }

    /** Changes settings (see {@link ProjectPatch}); the owner may, and so may an administrator. */
    @PatchMapping("/{id}")
    ProjectView change(@PathVariable UUID id, @RequestBody JsonNode body, CurrentUser user) {
        return view(registration.changeSettings(id, user.id(), user.admin(), ProjectPatch.read(body)));
    }

    /**
     * Deletes the project with its deployments (queued and building ones too) and history; the other services
     * remove theirs when they hear of it. The owner may, and so may an administrator.
     */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id, CurrentUser user) {
        registration.delete(id, user.id(), user.admin());
        return ResponseEntity.noContent().build();
    }

    /** Runs the image of an earlier deployment of the project that went live again, as a new deployment. */
    @PostMapping("/{id}/rollback")
    ResponseEntity<DeploymentView> rollback(@PathVariable UUID id, @RequestBody(required = false) JsonNode body,
            CurrentUser user) {
        UUID sourceId = Rollback.deploymentIdOf(body);
        Project project = registration.get(id, user.id());
        Deployment deployment = deployments.rollback(project, sourceId);
        return ResponseEntity.accepted().location(URI.create("/api/v1/deployments/" + deployment.id()))
                .body(DeploymentView.of(deployment, capacity.waitingFor()));
    }

    /**
     * The project's history, newest first: {@code limit} (1 to 200, default 50) entries before {@code before} (an
     * entry's id, or an ISO-8601 instant), or from the newest.
     */
    @GetMapping("/{id}/events")
    List<HistoryView> events(@PathVariable UUID id, @RequestParam(required = false) String before,
            @RequestParam(defaultValue = "50") int limit, CurrentUser user) {
        ProjectHistory.Before end = before == null || before.isBlank() ? null : ProjectHistory.Before.parse(before);
        return history.page(id, user.id(), end, limit).stream().map(HistoryView::of).toList();
    }

    /** Deploys the branch's head, or the commit the optional body names. */
    @PostMapping("/{id}/deployments")
    ResponseEntity<DeploymentView> deploy(@PathVariable UUID id, @RequestBody(required = false) Deploy request,
            CurrentUser user) {
        Project project = registration.get(id, user.id());
        String commitSha = request == null ? null : request.checkedCommitSha();
        Deployment deployment = commitSha == null ? deployments.request(project)
                : deployments.requestCommit(project, commitSha);
        return ResponseEntity.accepted().location(URI.create("/api/v1/deployments/" + deployment.id()))
                .body(DeploymentView.of(deployment, capacity.waitingFor()));
    }

    @GetMapping("/{id}/deployments")
    List<DeploymentView> deployments(@PathVariable UUID id, CurrentUser user) {
        registration.get(id, user.id());
        Optional<String> waitingFor = capacity.waitingFor();
        return deployments.ofProject(id).stream().map(deployment -> DeploymentView.of(deployment, waitingFor))
                .toList();
    }

    private ProjectView view(Project project) {
        return views.of(project);
    }

    /**
     * Body of {@code POST /api/v1/projects}. {@code branch} defaults to {@code main}; {@code githubRepository}
     * ({@code owner/name}) marks a project picked from GitHub; {@code autoDeploy} defaults to whether it is one.
     */
    record CreateProject(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 500) String repoUrl,
            @Size(max = 200) String branch, @Size(max = 201) String githubRepository, Boolean autoDeploy) {
    }

    /** Body of {@code POST /api/v1/projects/{id}/rollback}: {@code {"deploymentId": "<uuid>"}}. */
    static final class Rollback {

        private Rollback() {
        }

        static UUID deploymentIdOf(JsonNode body) {
            JsonNode value = body == null ? null : body.get("deploymentId");
            if (value == null || value.isNull()) {
                throw new InvalidInput("deploymentId", "is required: the id of the deployment to run again");
            }
            if (!value.isString()) {
                throw new InvalidInput("deploymentId", "must be a deployment id (a UUID string)");
            }
            try {
                return UUID.fromString(value.asString());
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("deploymentId", "must be a deployment id (a UUID), was '" + value.asString()
                        + "'");
            }
        }
    }

    /**
     * Optional body of {@code POST /api/v1/projects/{id}/deployments}: {@code commitSha} (7 to 40 hex digits) names
     * the commit to build; without it the branch's head is built.
     */
    record Deploy(String commitSha) {

        private static final Pattern SHA = Pattern.compile("^[0-9a-fA-F]{7,40}$");

        String checkedCommitSha() {
            if (commitSha == null) {
                return null;
            }
            if (!SHA.matcher(commitSha).matches()) {
                throw new InvalidInput("commitSha", "must be 7 to 40 hexadecimal digits");
            }
            return commitSha.toLowerCase(Locale.ROOT);
        }
    }
}
