package dev.paas.identity.sessions;

import java.time.Instant;
import java.util.UUID;

/**
 * One refresh token of a family (all tokens descending from one sign-in). It can be used once; using it again,
 * or using a revoked one, is reuse and compromises the family.
 */
class RefreshToken {

    private final UUID id;
    private final UUID familyId;
    private final UUID accountId;
    private final String tokenHash;
    private final String authMethod;
    private final Instant createdAt;
    private final Instant expiresAt;
    private Instant usedAt;
    private Instant revokedAt;

    RefreshToken(UUID id, UUID familyId, UUID accountId, String tokenHash, String authMethod, Instant createdAt,
            Instant expiresAt, Instant usedAt, Instant revokedAt) {
        this.id = id;
        this.familyId = familyId;
        this.accountId = accountId;
        this.tokenHash = tokenHash;
        this.authMethod = authMethod;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.usedAt = usedAt;
        this.revokedAt = revokedAt;
    }

    static RefreshToken issue(UUID id, UUID familyId, UUID accountId, String tokenHash, String authMethod,
            Instant now, Instant expiresAt) {
        return new RefreshToken(id, familyId, accountId, tokenHash, authMethod, now, expiresAt, null, null);
    }

    /**
     * Marks the token used.
     *
     * @throws RefreshTokenReusedException when it was used or revoked before: the family must be revoked
     * @throws InvalidRefreshTokenException when it has expired
     */
    void use(Instant now) {
        if (revokedAt != null) {
            throw new RefreshTokenReusedException("revoked");
        }
        if (usedAt != null) {
            throw new RefreshTokenReusedException("used");
        }
        if (!now.isBefore(expiresAt)) {
            throw new InvalidRefreshTokenException("refresh token has expired; sign in again");
        }
        usedAt = now;
    }

    UUID id() {
        return id;
    }

    UUID familyId() {
        return familyId;
    }

    UUID accountId() {
        return accountId;
    }

    String tokenHash() {
        return tokenHash;
    }

    String authMethod() {
        return authMethod;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Instant usedAt() {
        return usedAt;
    }

    Instant revokedAt() {
        return revokedAt;
    }
}
