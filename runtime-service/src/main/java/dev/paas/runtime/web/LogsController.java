package dev.paas.runtime.web;

import dev.paas.problems.NotFound;
import dev.paas.runtime.logs.LogQuery;
import dev.paas.runtime.logs.RuntimeLogLine;
import dev.paas.runtime.logs.RuntimeLogs;
import dev.paas.security.CurrentUser;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A project's app logs (what its containers wrote to stdout and stderr), for its owner: the newest lines of a time
 * range as JSON, or followed as server-sent events with {@code follow=true} or {@code Accept: text/event-stream}.
 * Someone else's project is answered exactly like one runtime-service has never heard of.
 */
@RestController
class LogsController {

    private static final Logger log = LoggerFactory.getLogger(LogsController.class);
    private static final String LOGS = "/api/v1/projects/{id}/logs";

    private final RuntimeLogs logs;
    private final Clock clock;

    LogsController(RuntimeLogs logs, Clock clock) {
        this.logs = logs;
        this.clock = clock;
    }

    /** The newest {@code limit} lines from {@code since} to {@code until}, oldest first. */
    @GetMapping(path = LOGS, params = "follow!=true", produces = MediaType.APPLICATION_JSON_VALUE)
    LogLines lines(@PathVariable UUID id, @RequestParam(required = false) String since,
            @RequestParam(required = false) String until, @RequestParam(required = false) String level,
            @RequestParam(required = false) String instance, @RequestParam(required = false) String limit,
            CurrentUser user) {
        LogQuery query = LogQuery.parse(since, until, level, instance, limit, clock);
        return new LogLines(logs.lines(id, user.id(), query).orElseThrow(() -> notFound(id)).stream()
                .map(LineView::of)
                .toList());
    }

    /** The same as server-sent events, then each new line as it is stored. */
    @GetMapping(path = LOGS, params = "follow=true")
    SseEmitter follow(@PathVariable UUID id, @RequestParam(required = false) String since,
            @RequestParam(required = false) String until, @RequestParam(required = false) String level,
            @RequestParam(required = false) String instance, @RequestParam(required = false) String limit,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, CurrentUser user) {
        LogQuery query = LogQuery.parse(since, until, level, instance, limit, clock);
        Long after = LogEvents.resumeAfter(lastEventId);
        RuntimeLogs.Follow follow = logs.follow(id, user.id(), query).orElseThrow(() -> notFound(id));
        SseEmitter emitter = new SseEmitter(logs.timeout().toMillis());
        emitter.onCompletion(follow::cancel);
        emitter.onTimeout(follow::cancel);
        emitter.onError(error -> follow.cancel());
        Thread.ofVirtual().name("app-log-" + id).start(() -> stream(id, follow, after, emitter));
        return emitter;
    }

    /**
     * {@code Accept: text/event-stream}: followed as well. (The mappings with a {@code follow} condition are the more
     * specific ones, so this one only answers requests the JSON one cannot.)
     */
    @GetMapping(path = LOGS, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter followByAccept(@PathVariable UUID id, @RequestParam(required = false) String since,
            @RequestParam(required = false) String until, @RequestParam(required = false) String level,
            @RequestParam(required = false) String instance, @RequestParam(required = false) String limit,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, CurrentUser user) {
        return follow(id, since, until, level, instance, limit, lastEventId, user);
    }

    private static void stream(UUID id, RuntimeLogs.Follow follow, Long after, SseEmitter emitter) {
        try (follow) {
            emitter.send(LogEvents.opening(id.toString()));
            follow.run(after, new RuntimeLogs.Listener() {
                @Override
                public void lines(List<RuntimeLogLine> lines) throws IOException {
                    for (RuntimeLogLine line : lines) {
                        emitter.send(LogEvents.line(line));
                    }
                }

                @Override
                public void heartbeat() throws IOException {
                    emitter.send(LogEvents.heartbeat());
                }
            });
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            // The client left or the response timed out: nothing to answer any more.
            log.debug("stream of the app log of {} ended: {}", id, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        } catch (RuntimeException e) {
            log.warn("stream of the app log of {} failed", id, e);
            emitter.completeWithError(e);
        }
    }

    private static NotFound notFound(UUID id) {
        return new NotFound("project", id, "no release is known; none of its images may be built yet");
    }

    /** The lines, oldest first. */
    record LogLines(List<LineView> lines) {
    }

    /** One line as the API shows it. */
    record LineView(String ts, int instance, String containerId, String stream, String level, String line) {

        static LineView of(RuntimeLogLine line) {
            return new LineView(line.ts().toString(), line.instance(), line.containerId(), line.stream(),
                    line.level().wireName(), line.line());
        }
    }
}
