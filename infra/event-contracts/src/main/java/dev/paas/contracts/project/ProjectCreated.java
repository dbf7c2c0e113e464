package dev.paas.contracts.project;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * A project was registered: emitted by project-service when {@code POST /api/v1/projects} succeeds.
 *
 * @param projectId the project
 * @param slug the URL-safe, unique name its apps are served under ({@code <slug>.<base-domain>})
 */
@EventType(name = "project.project-created", version = 1)
public record ProjectCreated(UUID projectId, String slug) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return projectId.toString();
    }
}
