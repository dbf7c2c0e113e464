package dev.paas.gateway.apitokens;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens recently minted for API tokens, keyed by the SHA-256 of the API token so that no usable credential
 * sits in memory under its own name. Short-lived by design: a revoked API token works at most until its entry
 * expires.
 */
final class ExchangedTokens {

    private record Entry(String accessToken, Instant expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxSize;
    private final Clock clock;

    ExchangedTokens(int maxSize, Clock clock) {
        this.maxSize = maxSize;
        this.clock = clock;
    }

    Optional<String> find(String tokenHash) {
        Entry entry = entries.get(tokenHash);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            entries.remove(tokenHash, entry);
            return Optional.empty();
        }
        return Optional.of(entry.accessToken());
    }

    void remember(String tokenHash, String accessToken, Instant expiresAt) {
        Instant now = clock.instant();
        if (!now.isBefore(expiresAt)) {
            return;
        }
        if (entries.size() >= maxSize) {
            entries.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
            if (entries.size() >= maxSize) {
                // Still full of live entries: start over rather than grow; the next calls simply exchange again.
                entries.clear();
            }
        }
        entries.put(tokenHash, new Entry(accessToken, expiresAt));
    }
}
