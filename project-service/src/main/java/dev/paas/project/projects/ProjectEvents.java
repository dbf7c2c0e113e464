package dev.paas.project.projects;

import java.util.UUID;

/**
 * Facts the {@link Project} aggregate registers as it changes state. They stay inside project-service: the messaging
 * adapter turns them into the published contracts within the same transaction.
 */
public final class ProjectEvents {

    private ProjectEvents() {
    }

    /**
     * A project was registered for {@code ownerId}; {@code githubRepository} ({@code owner/name}) is set when it was
     * picked from GitHub, {@code null} otherwise.
     */
    public record Registered(UUID projectId, String slug, UUID ownerId, String repoUrl, String branch,
            String githubRepository) {
    }

    /**
     * A project is being deleted by {@code actorId} (its owner or an administrator): in the same transaction, every
     * feature removes its records of it and the deletion is announced to the other services.
     */
    public record Deleted(UUID projectId, String slug, UUID ownerId, UUID actorId, String githubRepository) {
    }

    /**
     * runtime-service reported a new state of the project's app (running, stopped, scaled, crash loop, suspended):
     * the project's status changed.
     */
    public record RuntimeReported(UUID projectId, UUID ownerId) {
    }
}
