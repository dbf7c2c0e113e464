package dev.paas.runtime.projects;

import java.util.UUID;

/**
 * A project runtime-service knows of, and who owns it.
 *
 * @param projectId the project's id
 * @param slug its slug
 * @param ownerId its owner; {@code null} for projects created before accounts existed
 */
public record KnownProject(UUID projectId, String slug, UUID ownerId) {
}
