package dev.paas.gateway.messaging;

import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.project.ProjectCreated;
import dev.paas.gateway.webhooks.GitHubProjects;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.ListenerDeliveries;
import org.junit.jupiter.api.Test;

/** The golden {@code ProjectCreated}, as project-service publishes it, makes the project's deliveries known. */
class ProjectEventListenersTest {

    private final GitHubProjects projects = mock(GitHubProjects.class);

    @Test
    void recordsTheRepositoryAProjectWasPickedFrom() {
        EventEnvelope envelope = ListenerDeliveries.deliver(
                new ProjectEventListeners().projectEvents(ListenerDeliveries.subscriptions(), projects),
                GoldenEvents.envelope(ProjectCreated.class));

        verify(projects).register(PROJECT, "acme/shop", envelope.occurredAt());
    }
}
