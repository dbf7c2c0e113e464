package dev.paas.project.live;

import java.util.UUID;

/**
 * Something a user's dashboard shows changed, in any replica of project-service: a project's settings or status, or
 * one of its deployments. Published on every replica, after the change committed, for the live streams to tell their
 * clients; it carries ids only, so listeners read the state as it is now.
 *
 * @param ownerId the project's owner, when the change knew it ({@code null}: look it up)
 * @param projectId the project
 * @param deploymentId the deployment that changed, or {@code null}
 * @param deleted whether the project was deleted
 */
public record ProjectChanged(UUID ownerId, UUID projectId, UUID deploymentId, boolean deleted) {
}
