package dev.paas.metrics.analytics;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The project a request's host belongs to, remembered for a short while (also when there is none), so the tail asks
 * the database once per host and TTL, not once per line.
 */
final class HostAttribution {

    /** Beyond this many hosts (random Host headers sent at the catch-all) the cache starts afresh. */
    private static final int MAX_HOSTS = 10_000;

    private final Function<String, Optional<UUID>> lookup;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** Projects looked up with {@code lookup} (KnownResources::projectServedAt), each remembered for {@code ttl}. */
    HostAttribution(Function<String, Optional<UUID>> lookup, Duration ttl) {
        this(lookup, ttl, System::nanoTime);
    }

    HostAttribution(Function<String, Optional<UUID>> lookup, Duration ttl, LongSupplier nanoTime) {
        this.lookup = lookup;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    Optional<UUID> projectOf(String host) {
        String key = host.toLowerCase(Locale.ROOT);
        long now = nanoTime.getAsLong();
        Cached cached = cache.get(key);
        if (cached != null && now - cached.at < ttlNanos) {
            return cached.project;
        }
        if (cache.size() >= MAX_HOSTS) {
            cache.clear();
        }
        Optional<UUID> project = lookup.apply(key);
        cache.put(key, new Cached(project, now));
        return project;
    }

    private record Cached(Optional<UUID> project, long at) {
    }
}
