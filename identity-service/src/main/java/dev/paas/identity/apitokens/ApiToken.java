package dev.paas.identity.apitokens;

import java.time.Instant;
import java.util.UUID;

/**
 * A personal API token: a named, expiring, revocable secret that scripts exchange for short access tokens. Only
 * its SHA-256 and its first characters (to recognise it in a list) are kept.
 */
public class ApiToken {

    private final UUID id;
    private final UUID accountId;
    private final String name;
    private final String prefix;
    private final String tokenHash;
    private final Instant createdAt;
    private final Instant expiresAt;
    private Instant lastUsedAt;
    private Instant revokedAt;

    ApiToken(UUID id, UUID accountId, String name, String prefix, String tokenHash, Instant createdAt,
            Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
        this.id = id;
        this.accountId = accountId;
        this.name = name;
        this.prefix = prefix;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.lastUsedAt = lastUsedAt;
        this.revokedAt = revokedAt;
    }

    /** Whether it can be exchanged at {@code now}: neither revoked nor expired. */
    boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** Revokes it; answers whether it was not revoked yet. */
    boolean revoke(Instant now) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = now;
        return true;
    }

    void usedAt(Instant now) {
        lastUsedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }

    public String prefix() {
        return prefix;
    }

    String tokenHash() {
        return tokenHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
