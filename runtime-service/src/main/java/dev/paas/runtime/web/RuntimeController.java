package dev.paas.runtime.web;

import dev.paas.runtime.container.AppContainers;
import dev.paas.runtime.container.ContainerState;
import dev.paas.runtime.release.Release;
import dev.paas.runtime.release.ReleaseStatus;
import dev.paas.runtime.release.Releases;
import dev.paas.security.CurrentUser;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only view of what runs: a deployment's runtime and a project's containers, for their owner. Someone else's
 * deployment or project is answered exactly like one runtime-service has never heard of.
 */
@RestController
@RequestMapping("/api/v1")
class RuntimeController {

    private final Releases releases;
    private final AppContainers containers;

    RuntimeController(Releases releases, AppContainers containers) {
        this.releases = releases;
        this.containers = containers;
    }

    @GetMapping("/deployments/{id}/runtime")
    RuntimeView runtime(@PathVariable UUID id, CurrentUser user) {
        Release release = releases.findById(id).filter(known -> known.isOwnedBy(user.id()))
                .orElseThrow(() -> notFound("no runtime is known for deployment " + id
                        + "; its image may not be built yet"));
        return RuntimeView.of(release);
    }

    /** A project is known here once one of its images was built; until then it is not found. */
    @GetMapping("/projects/{id}/containers")
    List<ContainerView> containers(@PathVariable UUID id, CurrentUser user) {
        if (!releases.existsByProjectIdAndOwnerId(id, user.id())) {
            throw notFound("no release is known for project " + id + "; none of its images may be built yet");
        }
        return releases.findByProjectIdAndStatusInOrderByCreatedAt(id, EnumSet.of(ReleaseStatus.STARTING,
                ReleaseStatus.RUNNING, ReleaseStatus.RETIRING))
                .stream()
                .filter(release -> release.containerId() != null)
                .map(release -> ContainerView.of(release, dockerState(release.containerId())))
                .toList();
    }

    private String dockerState(String containerId) {
        try {
            ContainerState state = containers.state(containerId);
            return state.status();
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    private static ErrorResponseException notFound(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    /** A deployment's runtime as the dashboard shows it. */
    record RuntimeView(UUID deploymentId, ReleaseStatus status, String containerId, Integer hostPort, String url,
            String error) {

        static RuntimeView of(Release release) {
            return new RuntimeView(release.deploymentId(), release.status(), release.containerId(),
                    release.hostPort(), release.url(), release.error());
        }
    }

    /** One of a project's containers: the release it runs and what Docker says about it. */
    record ContainerView(UUID deploymentId, String containerId, String name, Integer hostPort,
            ReleaseStatus status, String state, String url) {

        static ContainerView of(Release release, String dockerState) {
            return new ContainerView(release.deploymentId(), release.containerId(), release.containerName(),
                    release.hostPort(), release.status(), dockerState, release.url());
        }
    }
}
