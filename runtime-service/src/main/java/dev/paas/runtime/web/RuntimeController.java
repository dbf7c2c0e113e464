package dev.paas.runtime.web;

import dev.paas.docker.DockerUnavailable;
import dev.paas.problems.NotFound;
import dev.paas.problems.Unavailable;
import dev.paas.runtime.release.Release;
import dev.paas.runtime.release.ReleaseStatus;
import dev.paas.runtime.rollout.ReleaseQueries;
import dev.paas.security.CurrentUser;
import java.util.List;
import java.util.UUID;
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

    private final ReleaseQueries releases;

    RuntimeController(ReleaseQueries releases) {
        this.releases = releases;
    }

    @GetMapping("/deployments/{id}/runtime")
    RuntimeView runtime(@PathVariable UUID id, CurrentUser user) {
        return releases.release(id, user.id()).map(RuntimeView::of)
                .orElseThrow(() -> new NotFound("deployment", id,
                        "no runtime is known; its image may not be built yet"));
    }

    /**
     * A project is known here once one of its images was built; until then it is not found. When Docker does not
     * answer (or its circuit breaker is open) the containers' state is unknown, which is a 503, never an empty list.
     */
    @GetMapping("/projects/{id}/containers")
    List<ContainerView> containers(@PathVariable UUID id, CurrentUser user) {
        try {
            return releases.containers(id, user.id())
                    .orElseThrow(() -> new NotFound("project", id, "no release is known; none of its images may be "
                            + "built yet"))
                    .stream()
                    .map(ContainerView::of)
                    .toList();
        } catch (DockerUnavailable e) {
            throw new Unavailable("the Docker engine cannot be reached right now, so the containers' state is "
                    + "unknown; try again shortly");
        }
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

        static ContainerView of(ReleaseQueries.ReleaseContainer container) {
            Release release = container.release();
            return new ContainerView(release.deploymentId(), release.containerId(), release.containerName(),
                    release.hostPort(), release.status(), container.state().status(), release.url());
        }
    }
}
