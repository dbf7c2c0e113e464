package dev.paas.identity.github;

import dev.paas.identity.secrets.SecretBox;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Seals GitHub tokens for storage and opens them for a call; the plaintext lives only in memory, briefly. */
@Component
class GitHubTokens {

    static final String PURPOSE = "github-token";

    private final SecretBox box;
    private final GitHubLinks links;

    GitHubTokens(SecretBox box, GitHubLinks links) {
        this.box = box;
        this.links = links;
    }

    String seal(String token) {
        return box.seal(token, PURPOSE);
    }

    /**
     * The token of the GitHub user linked to {@code accountId}; empty when none is linked.
     *
     * @throws GitHubException (401) when the stored token cannot be opened (the secrets key changed)
     */
    Optional<String> of(UUID accountId) {
        return links.findByAccount(accountId).map(link -> {
            try {
                return box.open(link.sealedToken(), PURPOSE);
            } catch (RuntimeException e) {
                throw new GitHubException(401, "the stored GitHub token cannot be decrypted");
            }
        });
    }
}
