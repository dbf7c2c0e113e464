package dev.paas.runtime.web;

import dev.paas.runtime.container.DockerUnavailable;
import dev.paas.runtime.release.Release;
import dev.paas.runtime.release.ReleaseStatus;
import dev.paas.runtime.rollout.ReleaseQueries;
import dev.paas.security.CurrentUser;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only view of what runs: a deployment's runtime and a project's containers, for their owner. Someone else's
 * deployment or project is answered exactly like one runtime-service has never heard of.
 */
@RestController
@RequestMapping("/api/v1")
class RuntimeController {

    private static final Logger log = LoggerFactory.getLogger(RuntimeController.class);

    private final ReleaseQueries releases;

    RuntimeController(ReleaseQueries releases) {
        this.releases = releases;
    }

    @GetMapping("/deployments/{id}/runtime")
    RuntimeView runtime(@PathVariable UUID id, CurrentUser user) {
        return releases.release(id, user.id()).map(RuntimeView::of)
                .orElseThrow(() -> notFound("no runtime is known for deployment " + id
                        + "; its image may not be built yet"));
    }

    /** A project is known here once one of its images was built; until then it is not found. */
    @GetMapping("/projects/{id}/containers")
    List<ContainerView> containers(@PathVariable UUID id, CurrentUser user) {
        return releases.containers(id, user.id())
                .orElseThrow(() -> notFound("no release is known for project " + id
                        + "; none of its images may be built yet"))
                .stream()
                .map(ContainerView::of)
                .toList();
    }

    /** Docker did not answer (or its circuit breaker is open): the containers' state is unknown, not empty. */
    @ExceptionHandler({DockerUnavailable.class, CallNotPermittedException.class})
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    ProblemDetail dockerUnavailable(RuntimeException e) {
        log.warn("cannot answer with the containers' state: {}", e.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the Docker engine cannot be reached right now, so the containers' state is unknown; try again"
                        + " shortly");
        problem.setTitle("Docker unavailable");
        return problem;
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

        static ContainerView of(ReleaseQueries.ReleaseContainer container) {
            Release release = container.release();
            return new ContainerView(release.deploymentId(), release.containerId(), release.containerName(),
                    release.hostPort(), release.status(), container.state().status(), release.url());
        }
    }
}
