package dev.paas.identity.github;

import dev.paas.sealing.SealedBox;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Hands a user's GitHub token on to build-service, which clones that user's private repositories with it: sealed
 * under {@code paas.identity.clone-token-key} ({@code PAAS_CLONE_TOKEN_KEY}, which only these two services have) for
 * that owner alone, announced as {@link GitHubTokenEvents.Changed} in the caller's transaction. Without the key
 * nothing is handed on and private repositories cannot be cloned.
 */
@Component
class CloneTokens {

    private static final Log log = LogFactory.getLog(CloneTokens.class);

    private final Optional<SealedBox> box;
    private final ApplicationEventPublisher events;

    CloneTokens(@Value("${paas.identity.clone-token-key:}") String key, ApplicationEventPublisher events) {
        this.box = key == null || key.isBlank() ? Optional.empty()
                : Optional.of(SealedBox.ofBase64(key, "paas.identity.clone-token-key (PAAS_CLONE_TOKEN_KEY)"));
        this.events = events;
        if (box.isEmpty()) {
            log.info("PAAS_CLONE_TOKEN_KEY is not set: GitHub tokens are not handed to build-service, so private"
                    + " repositories cannot be cloned");
        }
    }

    /** The purpose a clone token is sealed for: it opens only as {@code ownerId}'s token. */
    static String purposeFor(UUID ownerId) {
        return "github-clone-token:" + ownerId;
    }

    /** {@code ownerId}'s token is now {@code token}, of GitHub user {@code githubLogin}. */
    void changed(UUID ownerId, String githubLogin, String token) {
        box.ifPresent(sealer -> events.publishEvent(new GitHubTokenEvents.Changed(ownerId, githubLogin,
                sealer.seal(token, purposeFor(ownerId)))));
    }
}
