package dev.paas.project.web;

import dev.paas.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/projects/changes}: the caller's projects and deployments as they change, as server-sent events
 * (see {@link ProjectChangeStreams}), so a dashboard shows statuses live instead of polling.
 */
@RestController
class ProjectChangesController {

    private final ProjectChangeStreams streams;

    ProjectChangesController(ProjectChangeStreams streams) {
        this.streams = streams;
    }

    @GetMapping(path = "/api/v1/projects/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter changes(CurrentUser user) {
        return streams.open(user.id());
    }
}
