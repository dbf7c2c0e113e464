package dev.paas.runtime.messaging;

import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.project.ProjectCreated;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.contracts.project.RollbackRequested;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.runtime.projects.KnownProjects;
import dev.paas.runtime.rollout.Rollouts;
import org.junit.jupiter.api.Test;

/** The listener of {@code paas.project} fed the platform's golden envelopes, as they arrive from JetStream. */
class ProjectEventsConfigurationTest {

    private final EventCodec codec = new EventCodec();
    private final KnownProjects projects = mock(KnownProjects.class);
    private final Rollouts rollouts = mock(Rollouts.class);
    private final ProjectEventsConfiguration listener = new ProjectEventsConfiguration(projects, rollouts);

    @Test
    void recordsTheGoldenCreatedProjectWithItsOwner() {
        EventEnvelope envelope = codec.fromBytes(GoldenEvents.envelope(ProjectCreated.class));

        listener.projectCreated(codec.read(envelope, ProjectCreated.class), envelope);

        verify(projects).created(PROJECT, "shop", OWNER, envelope.occurredAt());
        verifyNoMoreInteractions(projects);
    }

    @Test
    void removesTheGoldenDeletedProject() {
        EventEnvelope envelope = codec.fromBytes(GoldenEvents.envelope(ProjectDeleted.class));

        listener.projectDeleted(codec.read(envelope, ProjectDeleted.class), envelope);

        verify(projects).deleted(PROJECT, "shop", OWNER, envelope.occurredAt());
        verifyNoMoreInteractions(projects);
    }

    @Test
    void rollsTheGoldenRollbackOut() {
        EventEnvelope envelope = codec.fromBytes(GoldenEvents.envelope(RollbackRequested.class));

        listener.rollbackRequested(codec.read(envelope, RollbackRequested.class));

        verify(rollouts).rollBack(GoldenEvents.SUCCESSOR, PROJECT, OWNER, "shop", GoldenEvents.DEPLOYMENT);
    }
}
