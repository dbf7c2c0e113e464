package dev.paas.runtime.projects;

import java.util.UUID;

/**
 * A project as runtime-service knows it.
 *
 * @param projectId the project
 * @param slug the name its apps are served under
 * @param ownerId the user who owns it; {@code null} for projects from before accounts existed, which nobody owns
 */
public record KnownProject(UUID projectId, String slug, UUID ownerId) {
}
