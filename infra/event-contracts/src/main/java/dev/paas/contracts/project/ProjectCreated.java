package dev.paas.contracts.project;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * A project was registered: emitted by project-service when {@code POST /api/v1/projects} succeeds.
 *
 * @param projectId the project
 * @param slug the URL-safe, unique name its apps are served under ({@code <slug>.<base-domain>})
 * @param ownerId the user who owns the project (added in 1.1; {@code null} in events from before accounts existed)
 * @param repoUrl where its source is cloned from (added in 1.1)
 * @param branch the branch that is deployed (added in 1.1)
 * @param githubRepository {@code owner/name} when the project was picked from GitHub, so a push webhook is
 *        registered for it and pushes to it are recognised; {@code null} otherwise (added in 1.1)
 */
@EventType(name = "project.project-created", version = 1)
public record ProjectCreated(UUID projectId, String slug, UUID ownerId, String repoUrl, String branch,
        String githubRepository) implements IntegrationEvent {

    /** A project as the first version of this contract described it: no owner, no repository. */
    public ProjectCreated(UUID projectId, String slug) {
        this(projectId, slug, null, null, null, null);
    }

    @Override
    public String aggregateId() {
        return projectId.toString();
    }
}
