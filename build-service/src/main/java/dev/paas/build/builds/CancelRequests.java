package dev.paas.build.builds;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cancel requests a worker found for the builds it runs (in the database, where any instance's API recorded
 * them), read by each build's runner while the image builds.
 */
final class CancelRequests {

    private final Map<UUID, String> reasons = new ConcurrentHashMap<>();

    void putAll(Map<UUID, String> requests) {
        reasons.putAll(requests);
    }

    Optional<String> reasonFor(UUID buildId) {
        return Optional.ofNullable(reasons.get(buildId));
    }

    void forget(UUID buildId) {
        reasons.remove(buildId);
    }
}
