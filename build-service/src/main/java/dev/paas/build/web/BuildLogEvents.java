package dev.paas.build.web;

import dev.paas.build.builds.BuildLogStreams;
import dev.paas.build.builds.LogLine;
import dev.paas.problems.InvalidInput;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A build log as server-sent events: each line is an event with its id, {@code event: line} (or {@code phase} for
 * the line that starts a phase) and {@code data: {"at": ..., "phase": ..., "text": ...}}; {@code event: end} closes
 * the stream when the build has finished, with its {@code outcome} (and {@code error}). A client resumes after the id
 * it saw last, from the {@code Last-Event-ID} header or the {@code after} parameter.
 */
final class BuildLogEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BuildLogEvents() {
    }

    static SseEmitter.SseEventBuilder line(LogLine line) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("at", LogLine.timestamp(line.at()));
        data.put("phase", line.phase() == null ? null : line.phase().wireName());
        data.put("text", line.text());
        return SseEmitter.event()
                .id(Long.toString(line.id()))
                .name(line.marker() ? "phase" : "line")
                .data(JSON.writeValueAsString(data));
    }

    static SseEmitter.SseEventBuilder end(BuildLogStreams.Ending ending) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("at", ending.at() == null ? null : LogLine.timestamp(ending.at()));
        data.put("phase", ending.phase() == null ? null : ending.phase().wireName());
        data.put("text", ending.error() == null ? "build " + ending.outcome() : "build failed: " + ending.error());
        data.put("outcome", ending.outcome());
        if (ending.error() != null) {
            data.put("error", ending.error());
        }
        return SseEmitter.event().name("end").data(JSON.writeValueAsString(data));
    }

    static SseEmitter.SseEventBuilder heartbeat() {
        return SseEmitter.event().comment("keep-alive");
    }

    /** The first thing sent: sends the headers through proxies at once and asks clients to reconnect after 2 s. */
    static SseEmitter.SseEventBuilder opening(String deploymentId) {
        return SseEmitter.event().reconnectTime(2000).comment("build log of deployment " + deploymentId);
    }

    /**
     * The id of the last line the client saw: the larger of the {@code Last-Event-ID} header and the {@code after}
     * parameter, 0 (from the start) without either.
     */
    static long resumeAfter(String lastEventId, String after) {
        return Math.max(lineId("Last-Event-ID", lastEventId), lineId("after", after));
    }

    private static long lineId(String name, String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInput(name, "must be the id of a log line (a whole number of at least 0), was '"
                + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'");
    }
}
