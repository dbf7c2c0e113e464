package dev.paas.build.web;

import dev.paas.build.builds.BuildLogStreams;
import dev.paas.build.builds.BuildQueries;
import dev.paas.build.builds.BuildQueue;
import dev.paas.build.builds.BuildStatus;
import dev.paas.build.builds.BuildView;
import dev.paas.build.builds.LogLine;
import dev.paas.problems.NotFound;
import dev.paas.security.CurrentUser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The caller's builds and their logs. The build of a deployment has the deployment's id; someone else's is answered
 * like one that was never requested.
 */
@RestController
class BuildsController {

    private static final Logger log = LoggerFactory.getLogger(BuildsController.class);
    private static final String BUILD_LOG = "/api/v1/deployments/{id}/build-log";

    private final BuildQueries queries;
    private final BuildLogStreams streams;
    private final BuildQueue queue;

    BuildsController(BuildQueries queries, BuildLogStreams streams, BuildQueue queue) {
        this.queries = queries;
        this.streams = streams;
        this.queue = queue;
    }

    /** The build's state: status, stack, commit, image, error and times. */
    @GetMapping(path = "/api/v1/builds/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    BuildView build(@PathVariable UUID id, CurrentUser user) {
        return queries.find(id, user.id()).orElseThrow(() -> notFound(id));
    }

    /**
     * The build log so far, readable while it grows and afterwards: plain text, a line each
     * ({@code 2026-12-01T10:00:00.123Z [build] text}), or the structured lines with {@code Accept: application/json}.
     */
    @GetMapping(path = BUILD_LOG, produces = {MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<?> buildLog(@PathVariable UUID id, @RequestHeader(name = "Accept", required = false) String accept,
            CurrentUser user) {
        List<LogLine> lines = queries.log(id, user.id()).orElseThrow(() -> notFound(id));
        if (prefersJson(accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(BuildLogLines.of(lines));
        }
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line.plainText()).append('\n'));
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(text.toString());
    }

    /**
     * The build log as server-sent events (see {@link BuildLogEvents}), from the line after {@code Last-Event-ID}
     * (or {@code after}) until the build has finished.
     */
    @GetMapping(path = BUILD_LOG, params = "follow=true", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter followBuildLog(@PathVariable UUID id,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @RequestParam(name = "after", required = false) String after, CurrentUser user) {
        long from = BuildLogEvents.resumeAfter(lastEventId, after);
        BuildLogStreams.Follow follow = streams.open(id, user.id()).orElseThrow(() -> notFound(id));
        SseEmitter emitter = new SseEmitter(streams.timeout().toMillis());
        emitter.onCompletion(follow::cancel);
        emitter.onTimeout(follow::cancel);
        emitter.onError(error -> follow.cancel());
        Thread.ofVirtual().name("build-log-" + id).start(() -> stream(id, follow, from, emitter));
        return emitter;
    }

    private static void stream(UUID id, BuildLogStreams.Follow follow, long from, SseEmitter emitter) {
        try (follow) {
            emitter.send(BuildLogEvents.opening(id.toString()));
            follow.run(from, new BuildLogStreams.Listener() {
                @Override
                public void lines(List<LogLine> lines) throws IOException {
                    for (LogLine line : lines) {
                        emitter.send(BuildLogEvents.line(line));
                    }
                }

                @Override
                public void heartbeat() throws IOException {
                    emitter.send(BuildLogEvents.heartbeat());
                }

                @Override
                public void end(BuildLogStreams.Ending ending) throws IOException {
                    emitter.send(BuildLogEvents.end(ending));
                }
            });
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            // The client left or the response timed out: nothing to answer any more.
            log.debug("stream of the build log of {} ended: {}", id, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        } catch (RuntimeException e) {
            log.warn("stream of the build log of {} failed", id, e);
            emitter.completeWithError(e);
        }
    }

    /** Whether the first acceptable type the caller prefers is JSON rather than text. */
    static boolean prefersJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException e) {
            return false;
        }
        types = new ArrayList<>(types);
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.isWildcardType() || type.isCompatibleWith(MediaType.TEXT_PLAIN)) {
                return false;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return true;
            }
        }
        return false;
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

    /** The structured log, oldest line first. */
    record BuildLogLines(List<Line> lines) {

        static BuildLogLines of(List<LogLine> lines) {
            return new BuildLogLines(lines.stream().map(Line::of).toList());
        }
    }

    /**
     * One line as JSON: its id (for {@code after}), {@code event} as on the stream ({@code line} or {@code phase}),
     * time, phase (lower case; {@code null} on lines from before phases were recorded) and text.
     */
    record Line(long id, String event, String at, String phase, String text) {

        static Line of(LogLine line) {
            return new Line(line.id(), line.marker() ? "phase" : "line", LogLine.timestamp(line.at()),
                    line.phase() == null ? null : line.phase().wireName(), line.text());
        }
    }
}
