package dev.paas.security;

import java.util.Set;
import java.util.UUID;

/**
 * The caller of the current request, as its verified access token names it. Declare it as a controller method
 * parameter to receive it; on a public path without a token asking for it answers 401.
 *
 * @param id the user id (the token's {@code sub})
 * @param email the user's e-mail address, or {@code null} when the token carries none
 * @param roles lower-case roles ({@code user}, {@code admin})
 * @param clientIp the caller's address: {@code X-Paas-Client-Ip} as the gateway sets it, else the TCP peer
 */
public record CurrentUser(UUID id, String email, Set<String> roles, String clientIp) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    /** Whether the caller holds the {@code admin} role. */
    public boolean admin() {
        return roles.contains("admin");
    }

    /** Whether something owned by {@code ownerId} belongs to the caller; nothing without an owner does. */
    public boolean owns(UUID ownerId) {
        return id.equals(ownerId);
    }
}
