package dev.paas.identity.github;

import java.util.UUID;

/**
 * Facts about the GitHub tokens identity-service keeps. They stay inside identity-service: the messaging adapter turns
 * them into the published contract in the transaction that stored the token.
 */
public final class GitHubTokenEvents {

    private GitHubTokenEvents() {
    }

    /**
     * The GitHub token of {@code ownerId} changed; {@code sealedToken} is sealed under the clone-token key for that
     * owner only ({@link CloneTokens}), never the plain token; {@code null} when the link was removed.
     */
    public record Changed(UUID ownerId, String githubLogin, String sealedToken) {
    }
}
