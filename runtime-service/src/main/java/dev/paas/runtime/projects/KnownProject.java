package dev.paas.runtime.projects;

import java.util.UUID;

/**
 * A project runtime-service knows of: its id, the slug its host name is made of, and its owner ({@code null} for
 * projects recorded before accounts existed).
 */
public record KnownProject(UUID projectId, String slug, UUID ownerId) {
}
