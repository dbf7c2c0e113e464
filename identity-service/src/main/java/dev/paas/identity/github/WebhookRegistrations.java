package dev.paas.identity.github;

import dev.paas.webhooksecrets.WebhookSecrets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers the push webhook of every project picked from GitHub, with the owner's linked GitHub token and the
 * project's derived secret, and reports the outcome as {@link WebhookEvents.Registered} or
 * {@link WebhookEvents.Failed}, published in the transaction that records it. A project is registered once: a
 * second request for it finds its row and changes nothing. Failures that may pass (GitHub down, rate limited) are
 * thrown, so the caller retries (the event is redelivered with back-off); failures that will not (no linked
 * account, no admin rights, unknown repository) are reported at once.
 */
@Service
public class WebhookRegistrations {

    private static final Log log = LogFactory.getLog(WebhookRegistrations.class);

    private final GitHubApi github;
    private final GitHubTokens tokens;
    private final GitHubWebhooks webhooks;
    private final WebhookProperties properties;
    private final Optional<WebhookSecrets> secrets;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    WebhookRegistrations(GitHubApi github, GitHubTokens tokens, GitHubWebhooks webhooks,
            WebhookProperties properties, ApplicationEventPublisher events) {
        this.github = github;
        this.tokens = tokens;
        this.webhooks = webhooks;
        this.properties = properties;
        this.secrets = WebhookSecrets.fromKey(properties.key());
        this.events = events;
    }

    /** A project whose push webhook is to be registered on {@code repository} ({@code owner/name}). */
    private record PickedProject(UUID id, UUID ownerId, String repository) {
    }

    /**
     * Registers the push webhook of a new project picked from GitHub; does nothing for a project with a plain
     * repository URL ({@code repository} null or blank) or one whose outcome is recorded already.
     */
    @Transactional
    public void register(UUID projectId, UUID ownerId, String repository) {
        if (repository == null || repository.isBlank() || webhooks.exists(projectId)) {
            return;
        }
        PickedProject project = new PickedProject(projectId, ownerId, repository);
        Optional<String> problem = problemBeforeCalling(project);
        if (problem.isPresent()) {
            fail(project, problem.get());
            return;
        }
        Optional<String> token;
        try {
            token = tokens.of(project.ownerId());
        } catch (GitHubException e) {
            fail(project, "the owner's GitHub token cannot be read; link GitHub again, then recreate the project");
            return;
        }
        if (token.isEmpty()) {
            fail(project, "the project's owner has not linked a GitHub account; link GitHub, then recreate the "
                    + "project to deploy on push");
            return;
        }
        createHook(project, token.get(), secrets.orElseThrow());
    }

    private Optional<String> problemBeforeCalling(PickedProject project) {
        String[] parts = project.repository().split("/", -1);
        if (parts.length != 2 || !GitHubRepositories.validName(parts[0])
                || !GitHubRepositories.validName(parts[1])) {
            return Optional.of("'" + project.repository() + "' is not a GitHub repository name (owner/name)");
        }
        if (project.ownerId() == null) {
            return Optional.of("the project has no owner, so there is no GitHub account to register the webhook with");
        }
        if (secrets.isEmpty()) {
            return Optional.of("webhooks are not configured on this platform (" + WebhookSecrets.KEY_VARIABLE
                    + " is not set)");
        }
        return Optional.empty();
    }

    private void createHook(PickedProject project, String token, WebhookSecrets secrets) {
        String repository = project.repository();
        String secret = secrets.secretFor(project.id());
        try {
            long hookId = github.createHook(token, repository, hookUrl(project.id()), secret);
            succeed(project, hookId);
        } catch (GitHubException e) {
            if (e.transientFailure()) {
                throw e;
            }
            if (e.status() == 422) {
                Optional<Long> existing = existingHook(token, repository, hookUrl(project.id()));
                if (existing.isPresent()) {
                    succeed(project, existing.get());
                    return;
                }
                fail(project, "GitHub refused the webhook for " + repository + ": " + e.getMessage());
            } else if (e.badCredentials()) {
                fail(project,
                        "GitHub no longer accepts the owner's token; link GitHub again, then recreate the project");
            } else if (e.status() == 404 || e.status() == 403) {
                fail(project, "GitHub repository " + repository + " was not found, or the owner's GitHub account "
                        + "cannot manage its webhooks (admin rights are needed)");
            } else {
                fail(project, "GitHub refused the webhook for " + repository + ": " + e.getMessage());
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

    private void succeed(PickedProject project, long hookId) {
        UUID projectId = project.id();
        webhooks.registered(projectId, project.ownerId(), project.repository(), hookId, clock.instant());
        events.publishEvent(new WebhookEvents.Registered(projectId, project.repository(), hookId));
        log.info("registered push webhook " + hookId + " on " + project.repository() + " for project "
                + projectId);
    }

    private void fail(PickedProject project, String reason) {
        UUID projectId = project.id();
        webhooks.failed(projectId, project.ownerId(), project.repository(), reason, clock.instant());
        events.publishEvent(new WebhookEvents.Failed(projectId, project.repository(), reason));
        log.warn("cannot register a push webhook on " + project.repository() + " for project " + projectId
                + ": " + reason);
    }
}
