package dev.paas.runtime.projects;

import java.util.UUID;

/**
 * A project was deleted (project-service's {@code ProjectDeleted} arrived): published synchronously, inside the
 * transaction that handles the event, so that every package keeping rows of the project deletes its own in the same
 * transaction (an {@code @EventListener}); the rollout stops the project's containers and removes its route.
 * Published once per project: a replayed or repeated deletion publishes nothing.
 *
 * @param projectId the project
 * @param slug the slug it was served under
 * @param ownerId the user who owned it, {@code null} when unknown
 */
public record ProjectRemoved(UUID projectId, String slug, UUID ownerId) {
}
