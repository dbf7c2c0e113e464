package dev.paas.fakegithub;

import java.time.Instant;
import java.util.List;

/**
 * A repository webhook as registered through {@code POST /repos/{owner}/{repo}/hooks}, secret included (GitHub
 * never shows it again; the fake keeps it so tests can check what was registered).
 */
public record Hook(long id, String repository, String name, List<String> events, boolean active, String url,
        String contentType, String secret, String insecureSsl, Instant createdAt) {

    boolean wants(String event) {
        return active && (events.contains(event) || events.contains("*") || "ping".equals(event));
    }
}
