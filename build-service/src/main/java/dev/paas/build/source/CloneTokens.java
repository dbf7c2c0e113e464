package dev.paas.build.source;

import dev.paas.sealing.SealedBox;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owners' GitHub tokens, as identity-service hands them on (sealed under {@code PAAS_CLONE_TOKEN_KEY} for their
 * owner): kept sealed, opened in memory only for a clone of that owner's {@code https://github.com/} repository, and
 * handed to JGit as a credentials provider, so the token is never part of a URL, a log line, an exception or
 * {@code .git/config}.
 */
@Service
public class CloneTokens {

    private static final Logger log = LoggerFactory.getLogger(CloneTokens.class);
    private static final String GITHUB = "github.com";

    private final CloneTokenStore store;
    private final Optional<SealedBox> box;

    CloneTokens(CloneTokenStore store, CloneTokenProperties properties) {
        this.store = store;
        this.box = properties.key().isBlank() ? Optional.empty()
                : Optional.of(SealedBox.ofBase64(properties.key(), "paas.build.clone-tokens.key (PAAS_CLONE_TOKEN_KEY)"));
    }

    /** {@code ownerId}'s GitHub token changed {@code at}; {@code sealedToken} {@code null}: it was unlinked. */
    @Transactional
    public void changed(UUID ownerId, String githubLogin, String sealedToken, Instant at) {
        store.keep(ownerId, githubLogin, sealedToken, at);
    }

    /** Credentials for cloning {@code repoUrl} on behalf of {@code ownerId}: only for github.com over https. */
    Optional<CredentialsProvider> forClone(UUID ownerId, String repoUrl) {
        if (ownerId == null || box.isEmpty() || !isGitHub(repoUrl)) {
            return Optional.empty();
        }
        return store.sealedTokenOf(ownerId).flatMap(sealed -> open(sealed, ownerId))
                .map(token -> new UsernamePasswordCredentialsProvider("x-access-token", token));
    }

    /** The purpose identity-service seals a clone token for: it opens only as {@code ownerId}'s token. */
    static String purposeFor(UUID ownerId) {
        return "github-clone-token:" + ownerId;
    }

    static boolean isGitHub(String repoUrl) {
        try {
            URI uri = new URI(repoUrl.strip());
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                    && GITHUB.equals(uri.getHost().toLowerCase(Locale.ROOT)) && uri.getRawUserInfo() == null;
        } catch (Exception e) {
            return false;
        }
    }

    private Optional<String> open(String sealed, UUID ownerId) {
        try {
            return Optional.of(box.orElseThrow().open(sealed, purposeFor(ownerId)));
        } catch (RuntimeException e) {
            log.warn("the stored GitHub token of owner {} cannot be opened (was PAAS_CLONE_TOKEN_KEY changed?);"
                    + " cloning without it", ownerId);
            return Optional.empty();
        }
    }
}
