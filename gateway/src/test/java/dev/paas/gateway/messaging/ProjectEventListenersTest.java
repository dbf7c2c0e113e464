package dev.paas.gateway.messaging;

import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.project.ProjectCreated;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.gateway.webhooks.GitHubProjects;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.ListenerDeliveries;
import org.junit.jupiter.api.Test;

/**
 * The golden {@code ProjectCreated}, as project-service publishes it, makes the project's deliveries known; the
 * golden {@code ProjectDeleted} forgets the project.
 */
class ProjectEventListenersTest {

    private final GitHubProjects projects = mock(GitHubProjects.class);

    @Test
    void recordsTheRepositoryAProjectWasPickedFrom() {
        EventEnvelope envelope = ListenerDeliveries.deliver(
                new ProjectEventListeners().projectEvents(ListenerDeliveries.subscriptions(), projects),
                GoldenEvents.envelope(ProjectCreated.class));

        verify(projects).register(PROJECT, "acme/shop", envelope.occurredAt());
    }

    @Test
    void forgetsADeletedProject() {
        ListenerDeliveries.deliver(new ProjectEventListeners().projectEvents(ListenerDeliveries.subscriptions(),
                projects), GoldenEvents.envelope(ProjectDeleted.class));

        verify(projects).forget(PROJECT);
        verifyNoMoreInteractions(projects);
    }
}
