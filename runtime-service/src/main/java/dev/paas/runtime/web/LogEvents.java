package dev.paas.runtime.web;

import dev.paas.problems.InvalidInput;
import dev.paas.runtime.logs.RuntimeLogLine;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A project's followed app log as server-sent events: each line is an event {@code line} with the line's id and
 * {@code data: {"ts", "instance", "containerId", "stream", "level", "line"}}; a comment every 15 s keeps a silent
 * stream open. A client resumes after the id it saw last, from the {@code Last-Event-ID} header.
 */
final class LogEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LogEvents() {
    }

    static SseEmitter.SseEventBuilder line(RuntimeLogLine line) {
        return SseEmitter.event()
                .id(Long.toString(line.id()))
                .name("line")
                .data(JSON.writeValueAsString(LogsController.LineView.of(line)));
    }

    static SseEmitter.SseEventBuilder heartbeat() {
        return SseEmitter.event().comment("keep-alive");
    }

    /** The first thing sent: gets the headers through proxies at once and asks clients to reconnect after 2 s. */
    static SseEmitter.SseEventBuilder opening(String projectId) {
        return SseEmitter.event().reconnectTime(2000).comment("app log of project " + projectId);
    }

    /** The id in {@code Last-Event-ID}, or {@code null} without one (send the recent lines first). */
    static Long resumeAfter(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(lastEventId.strip());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInput("Last-Event-ID", "must be the id of a log line (a whole number of at least 0), was '"
                + (lastEventId.length() > 40 ? lastEventId.substring(0, 40) + "…" : lastEventId) + "'");
    }
}
