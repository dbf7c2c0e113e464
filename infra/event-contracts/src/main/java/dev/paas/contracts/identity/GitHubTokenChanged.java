package dev.paas.contracts.identity;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * A user's GitHub token changed: emitted by identity-service when a GitHub account is linked, its token is replaced
 * (each sign-in with GitHub), or it is unlinked. build-service keeps the newest per owner to clone that owner's
 * private github.com repositories. The token never travels in clear text: it is sealed ({@code dev.paas.sealing})
 * under {@code PAAS_CLONE_TOKEN_KEY}, which only identity-service and build-service have, with the purpose
 * {@code github-clone-token:<ownerId>}, so it opens only for its owner.
 *
 * @param ownerId the platform user whose token it is
 * @param githubLogin the linked GitHub login, or {@code null} when unlinked
 * @param sealedToken the sealed token, or {@code null} when the account was unlinked (forget the token)
 */
@EventType(name = "identity.github-token-changed", version = 1)
public record GitHubTokenChanged(UUID ownerId, String githubLogin, String sealedToken) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return ownerId.toString();
    }
}
