package dev.paas.identity.github;

import dev.paas.contracts.identity.WebhookRegistered;
import dev.paas.contracts.identity.WebhookRegistrationFailed;
import dev.paas.contracts.project.ProjectCreated;
import dev.paas.messaging.outbox.Outbox;
import dev.paas.webhooksecrets.WebhookSecrets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers the push webhook of every project picked from GitHub, with the owner's linked GitHub token and the
 * project's derived secret, and reports the outcome as {@link WebhookRegistered} or
 * {@link WebhookRegistrationFailed} through the outbox, in the transaction that records it. A project is
 * registered once: a replayed {@link ProjectCreated} finds its row and changes nothing. Failures that may pass
 * (GitHub down, rate limited) are thrown, so the event is redelivered with back-off; failures that will not
 * (no linked account, no admin rights, unknown repository) are reported at once.
 */
@Service
public class WebhookRegistrations {

    private static final Log log = LogFactory.getLog(WebhookRegistrations.class);

    private final GitHubApi github;
    private final GitHubTokens tokens;
    private final GitHubWebhooks webhooks;
    private final WebhookProperties properties;
    private final Optional<WebhookSecrets> secrets;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    WebhookRegistrations(GitHubApi github, GitHubTokens tokens, GitHubWebhooks webhooks,
            WebhookProperties properties, Outbox outbox) {
        this.github = github;
        this.tokens = tokens;
        this.webhooks = webhooks;
        this.properties = properties;
        this.secrets = WebhookSecrets.fromKey(properties.key());
        this.outbox = outbox;
    }

    @Transactional
    public void on(ProjectCreated event) {
        String repository = event.githubRepository();
        if (repository == null || repository.isBlank() || webhooks.exists(event.projectId())) {
            return;
        }
        Optional<String> problem = problemBeforeCalling(event);
        if (problem.isPresent()) {
            fail(event, problem.get());
            return;
        }
        Optional<String> token;
        try {
            token = tokens.of(event.ownerId());
        } catch (GitHubException e) {
            fail(event, "the owner's GitHub token cannot be read; link GitHub again, then recreate the project");
            return;
        }
        if (token.isEmpty()) {
            fail(event, "the project's owner has not linked a GitHub account; link GitHub, then recreate the "
                    + "project to deploy on push");
            return;
        }
        register(event, token.get(), secrets.orElseThrow());
    }

    private Optional<String> problemBeforeCalling(ProjectCreated event) {
        String[] parts = event.githubRepository().split("/", -1);
        if (parts.length != 2 || !GitHubRepositories.validName(parts[0])
                || !GitHubRepositories.validName(parts[1])) {
            return Optional.of("'" + event.githubRepository() + "' is not a GitHub repository name (owner/name)");
        }
        if (event.ownerId() == null) {
            return Optional.of("the project has no owner, so there is no GitHub account to register the webhook with");
        }
        if (secrets.isEmpty()) {
            return Optional.of("webhooks are not configured on this platform (" + WebhookSecrets.KEY_VARIABLE
                    + " is not set)");
        }
        return Optional.empty();
    }

    private void register(ProjectCreated event, String token, WebhookSecrets secrets) {
        String repository = event.githubRepository();
        String secret = secrets.secretFor(event.projectId());
        try {
            long hookId = github.createHook(token, repository, hookUrl(event.projectId()), secret);
            succeed(event, hookId);
        } catch (GitHubException e) {
            if (e.transientFailure()) {
                throw e;
            }
            if (e.status() == 422) {
                Optional<Long> existing = existingHook(token, repository, hookUrl(event.projectId()));
                if (existing.isPresent()) {
                    succeed(event, existing.get());
                    return;
                }
                fail(event, "GitHub refused the webhook for " + repository + ": " + e.getMessage());
            } else if (e.badCredentials()) {
                fail(event, "GitHub no longer accepts the owner's token; link GitHub again, then recreate the project");
            } else if (e.status() == 404 || e.status() == 403) {
                fail(event, "GitHub repository " + repository + " was not found, or the owner's GitHub account "
                        + "cannot manage its webhooks (admin rights are needed)");
            } else {
                fail(event, "GitHub refused the webhook for " + repository + ": " + e.getMessage());
            }
        }
    }

    /**
     * The project's hook URL: the gateway's webhook URL naming the project, so each project on a repository gets a
     * hook of its own (GitHub refuses two hooks with the same URL) signed with its own secret. The gateway finds the
     * project by signature; the query only keeps the URLs apart.
     */
    private String hookUrl(UUID projectId) {
        String base = properties.url();
        return base + (base.contains("?") ? "&" : "?") + "project=" + projectId;
    }

    /** The hook with our URL, when GitHub said one exists already (e.g. registered before a crash). */
    private Optional<Long> existingHook(String token, String repository, String url) {
        try {
            return github.hooks(token, repository).stream()
                    .filter(hook -> hook.url().equals(url))
                    .map(GitHubApi.ExistingHook::id)
                    .findFirst();
        } catch (GitHubException e) {
            if (e.transientFailure()) {
                throw e;
            }
            return Optional.empty();
        }
    }

    private void succeed(ProjectCreated event, long hookId) {
        UUID projectId = event.projectId();
        webhooks.registered(projectId, event.ownerId(), event.githubRepository(), hookId, clock.instant());
        outbox.append(new WebhookRegistered(projectId, event.githubRepository(), hookId));
        log.info("registered push webhook " + hookId + " on " + event.githubRepository() + " for project "
                + projectId);
    }

    private void fail(ProjectCreated event, String reason) {
        UUID projectId = event.projectId();
        webhooks.failed(projectId, event.ownerId(), event.githubRepository(), reason, clock.instant());
        outbox.append(new WebhookRegistrationFailed(projectId, event.githubRepository(), reason));
        log.warn("cannot register a push webhook on " + event.githubRepository() + " for project " + projectId
                + ": " + reason);
    }
}
