package dev.paas.database.messaging;

import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.project.ProjectCreated;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.database.databases.Databases;
import dev.paas.database.projects.KnownProjects;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.ListenerDeliveries;
import org.junit.jupiter.api.Test;

/**
 * The golden {@code ProjectCreated}, as project-service publishes it, becomes a known project; the golden
 * {@code ProjectDeleted} removes it and its database links.
 */
class ProjectEventListenersTest {

    private final KnownProjects projects = mock(KnownProjects.class);
    private final Databases databases = mock(Databases.class);

    @Test
    void recordsACreatedProjectWithItsSlugAndOwner() {
        EventEnvelope envelope = ListenerDeliveries.deliver(
                new ProjectEventListeners().projectEvents(ListenerDeliveries.subscriptions(), projects, databases),
                GoldenEvents.envelope(ProjectCreated.class));

        verify(projects).registered(PROJECT, "shop", OWNER, envelope.occurredAt());
    }

    @Test
    void forgetsADeletedProjectAndItsLinks() {
        ListenerDeliveries.deliver(new ProjectEventListeners().projectEvents(ListenerDeliveries.subscriptions(),
                projects, databases), GoldenEvents.envelope(ProjectDeleted.class));

        verify(databases).projectDeleted(PROJECT);
        verify(projects).deleted(PROJECT);
        verifyNoMoreInteractions(projects, databases);
    }
}
