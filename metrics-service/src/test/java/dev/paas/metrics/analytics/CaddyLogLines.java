package dev.paas.metrics.analytics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Access log lines shaped like Caddy's (the fields of a real 2.6 line), written with Jackson. */
public final class CaddyLogLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CaddyLogLines() {
    }

    /** One line (without its newline). */
    public static String line(Instant at, String host, String uri, String address, String userAgent, int status,
            long size, double durationSeconds) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("User-Agent", List.of(userAgent));
        headers.put("Accept", List.of("*/*"));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("remote_ip", address);
        request.put("remote_port", "41234");
        request.put("proto", "HTTP/1.1");
        request.put("method", "GET");
        request.put("host", host);
        request.put("uri", uri);
        request.put("headers", headers);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", "info");
        line.put("ts", at.getEpochSecond() + at.getNano() / 1e9);
        line.put("logger", "http.log.access.paas");
        line.put("msg", "handled request");
        line.put("request", request);
        line.put("user_id", "");
        line.put("duration", durationSeconds);
        line.put("size", size);
        line.put("status", status);
        line.put("resp_headers", Map.of("Server", List.of("Caddy")));
        return JSON.writeValueAsString(line);
    }

    /** Appends {@code count} requests of {@code host} (three visitors, paths /p0 to /p4, all 200) to {@code file}. */
    public static void append(Path file, String host, int count) throws IOException {
        StringBuilder lines = new StringBuilder();
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            lines.append(line(now, host, "/p" + (i % 5) + "?i=" + i, "198.51.100." + (i % 3), "agent", 200, 100,
                    0.001 + i % 7 / 1000.0)).append('\n');
        }
        Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
