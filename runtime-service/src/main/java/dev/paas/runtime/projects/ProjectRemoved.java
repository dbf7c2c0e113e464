package dev.paas.runtime.projects;

import java.util.UUID;

/**
 * The project was deleted. Published inside the transaction that records the deletion; every package that keeps
 * rows of the project listens synchronously and deletes its own rows in that same transaction.
 */
public record ProjectRemoved(UUID projectId, String slug, UUID ownerId) {
}
