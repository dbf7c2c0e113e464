package dev.paas.fakegithub;

import java.util.List;
import java.util.Map;

/** A request the fake received on its REST API or OAuth endpoints, for tests that check what a client sent. */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
        String body) {

    /** The first value of a header, matched case-insensitively. */
    public String header(String name) {
        return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(entry -> entry.getValue().isEmpty() ? null : entry.getValue().getFirst())
                .findFirst().orElse(null);
    }
}
