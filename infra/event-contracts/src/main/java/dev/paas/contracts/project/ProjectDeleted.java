package dev.paas.contracts.project;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * A project was deleted: emitted by project-service when {@code DELETE /api/v1/projects/{id}} succeeds. Every
 * service that keeps anything of the project removes its own records of it, and only those: containers and routes
 * (runtime-service), images and build logs (build-service), the push webhook (identity-service), and so on.
 *
 * @param projectId the project
 * @param slug the slug it was served under
 * @param ownerId the user who owned it
 * @param actorId the user who deleted it (the owner or an administrator)
 * @param githubRepository {@code owner/name} when a push webhook was registered for it, else {@code null}
 */
@EventType(name = "project.project-deleted", version = 1)
public record ProjectDeleted(UUID projectId, String slug, UUID ownerId, UUID actorId, String githubRepository)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return projectId.toString();
    }
}
