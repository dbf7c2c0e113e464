package dev.paas.build.web;

import dev.paas.build.builds.BuildQueries;
import dev.paas.build.builds.BuildQueue;
import dev.paas.build.builds.BuildStatus;
import dev.paas.build.builds.BuildView;
import dev.paas.problems.NotFound;
import dev.paas.security.CurrentUser;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's builds and their logs. The build of a deployment has the deployment's id; someone else's is answered
 * like one that was never requested.
 */
@RestController
class BuildsController {

    private final BuildQueries queries;
    private final BuildQueue queue;

    BuildsController(BuildQueries queries, BuildQueue queue) {
        this.queries = queries;
        this.queue = queue;
    }

    /** The build's state: status, stack, commit, image, error and times. */
    @GetMapping(path = "/api/v1/builds/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    BuildView build(@PathVariable UUID id, CurrentUser user) {
        return queries.find(id, user.id()).orElseThrow(() -> notFound(id));
    }

    /** The build log so far as plain text; it grows while the build runs. */
    @GetMapping(path = "/api/v1/deployments/{id}/build-log", produces = MediaType.TEXT_PLAIN_VALUE)
    String buildLog(@PathVariable UUID id, CurrentUser user) {
        return queries.log(id, user.id()).orElseThrow(() -> notFound(id));
    }

    /**
     * Cancels the deployment's build (its owner or an administrator): 200 with the CANCELLED build when it was still
     * queued, 202 with the RUNNING build when its worker has yet to stop it, 409 when it has ended already.
     */
    @PostMapping(path = "/api/v1/deployments/{id}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BuildView> cancel(@PathVariable UUID id, CurrentUser user) {
        BuildView build = queue.cancel(id, user.id(), user.admin());
        return ResponseEntity.status(build.status() == BuildStatus.CANCELLED ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(build);
    }

    private static NotFound notFound(UUID id) {
        return new NotFound("build", id, "it was never requested or has not reached build-service yet");
    }
}
