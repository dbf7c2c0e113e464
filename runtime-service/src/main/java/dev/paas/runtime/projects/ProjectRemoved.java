package dev.paas.runtime.projects;

import java.util.UUID;

/**
 * Spring application event: the project was deleted. Published inside the transaction that forgets it; every
 * package that keeps rows of a project listens in that transaction and deletes its own.
 */
public record ProjectRemoved(UUID projectId, String slug, UUID ownerId) {
}
