package dev.paas.tokens;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What a verified access token says about its holder; returned by {@link PlatformTokenRules#verify}.
 *
 * @param userId the user id (the {@code sub} claim)
 * @param email the user's e-mail address ({@code email}), or {@code null} when the token carries none
 * @param roles lower-case role names ({@code user}, {@code admin}), as {@link PlatformTokenRules#roles} reads them
 * @param authMethod how the holder signed in ({@code auth}: {@code password}, {@code github}, {@code api-token}), or
 *        {@code null}
 * @param expiresAt when the token stops being valid ({@code exp}, without the clock skew)
 */
public record VerifiedToken(UUID userId, String email, Set<String> roles, String authMethod, Instant expiresAt) {

    public VerifiedToken {
        roles = Set.copyOf(roles);
    }

    /** Whether the holder has the {@code admin} role. */
    public boolean admin() {
        return roles.contains(PlatformTokenRules.ADMIN_ROLE);
    }
}
