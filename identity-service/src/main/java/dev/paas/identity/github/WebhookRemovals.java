package dev.paas.identity.github;

import java.util.Optional;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes the push webhook of a deleted project: GitHub's hook, deleted with the token of the owner who registered
 * it, and identity-service's row of it. As with registration, a failure that may pass (GitHub down, rate limited) is
 * thrown and nothing changes, so the caller retries (the event is redelivered with back-off); a hook GitHub no longer
 * has (404) counts as deleted. When it cannot be deleted at all (the owner unlinked GitHub, or GitHub refuses the
 * token or the rights), the row is dropped and a warning says so: the hook then only reaches the gateway, which
 * ignores pushes of projects it does not know.
 */
@Service
public class WebhookRemovals {

    private static final Log log = LogFactory.getLog(WebhookRemovals.class);

    private final GitHubApi github;
    private final GitHubTokens tokens;
    private final GitHubWebhooks webhooks;

    WebhookRemovals(GitHubApi github, GitHubTokens tokens, GitHubWebhooks webhooks) {
        this.github = github;
        this.tokens = tokens;
        this.webhooks = webhooks;
    }

    /** Removes the deleted project's webhook; a project without one, or removed already, changes nothing. */
    @Transactional
    public void remove(UUID projectId) {
        Optional<GitHubWebhooks.Recorded> recorded = webhooks.find(projectId);
        if (recorded.isEmpty()) {
            return;
        }
        GitHubWebhooks.Recorded webhook = recorded.get();
        if (webhook.hookId() != null) {
            deleteOnGitHub(webhook);
        }
        webhooks.delete(projectId);
    }

    private void deleteOnGitHub(GitHubWebhooks.Recorded webhook) {
        String where = "push webhook " + webhook.hookId() + " on " + webhook.repository() + " of the deleted project "
                + webhook.projectId();
        Optional<String> token;
        try {
            token = webhook.ownerId() == null ? Optional.empty() : tokens.of(webhook.ownerId());
        } catch (GitHubException e) {
            token = Optional.empty();
        }
        if (token.isEmpty()) {
            log.warn("cannot delete the " + where + ": its owner has no readable GitHub token any more; the hook"
                    + " stays on GitHub until someone removes it there");
            return;
        }
        try {
            if (github.deleteHook(token.get(), webhook.repository(), webhook.hookId())) {
                log.info("deleted the " + where);
            } else {
                log.info("the " + where + " was already gone from GitHub");
            }
        } catch (GitHubException e) {
            if (e.transientFailure()) {
                throw e;
            }
            log.warn("cannot delete the " + where + ": " + e.getMessage() + "; the hook stays on GitHub until"
                    + " someone removes it there");
        }
    }
}
