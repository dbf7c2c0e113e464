package dev.paas.project.messaging;

import static dev.paas.contracts.golden.GoldenEvents.DEPLOYMENT;
import static dev.paas.contracts.golden.GoldenEvents.IMAGE;
import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static dev.paas.contracts.golden.GoldenEvents.SUCCESSOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import dev.paas.contracts.IntegrationEvent;
import dev.paas.contracts.build.BuildCancelled;
import dev.paas.contracts.build.BuildFailed;
import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.build.ImageBuilt;
import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.runtime.AppStateChanged;
import dev.paas.contracts.runtime.ContainerHealthy;
import dev.paas.contracts.runtime.ContainerRestarted;
import dev.paas.contracts.runtime.CrashLoopDetected;
import dev.paas.contracts.runtime.DomainAdded;
import dev.paas.contracts.runtime.DomainRemoved;
import dev.paas.contracts.runtime.EnvironmentChanged;
import dev.paas.contracts.runtime.ContainerStopped;
import dev.paas.contracts.runtime.DeploymentFailed;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.project.deployments.CommitInfo;
import dev.paas.project.deployments.DeploymentService;
import dev.paas.project.history.ProjectHistory;
import dev.paas.project.projects.AppRuntime;
import dev.paas.project.projects.ProjectRegistration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The listeners of {@code paas.build} and {@code paas.runtime} fed the platform's golden envelopes, as they arrive
 * from JetStream: each becomes the calls on the deployment service, the projects' runtime state and the history it
 * stands for, dated when the envelope says it happened.
 */
class DeploymentEventListenersTest {

    private final EventCodec codec = new EventCodec();
    private final DeploymentService deployments = mock(DeploymentService.class);
    private final ProjectRegistration projects = mock(ProjectRegistration.class);
    private final ProjectHistory history = mock(ProjectHistory.class);
    private final DeploymentEventListeners listeners = new DeploymentEventListeners(deployments, projects, history);

    @AfterEach
    void makesNoOtherCall() {
        verifyNoMoreInteractions(deployments, projects, history);
    }

    @Test
    void marksTheDeploymentBuildingOnTheGoldenBuildStarted() {
        EventEnvelope envelope = golden(BuildStarted.class);

        listeners.buildStarted(codec.read(envelope, BuildStarted.class), envelope);

        verify(deployments).buildStarted(DEPLOYMENT, envelope.occurredAt());
    }

    @Test
    void recordsTheImageAndItsSourceOnTheGoldenImageBuilt() {
        EventEnvelope envelope = golden(ImageBuilt.class);

        listeners.imageBuilt(codec.read(envelope, ImageBuilt.class), envelope);

        verify(deployments).imageBuilt(DEPLOYMENT, "node", new CommitInfo("9fceb02d0ae598e95dc970b74767f19372d61af8",
                "add checkout", "Mona Lisa <mona@example.com>"), IMAGE, envelope.occurredAt());
    }

    @Test
    void failsTheDeploymentWithTheBuildsReasonOnTheGoldenBuildFailed() {
        EventEnvelope envelope = golden(BuildFailed.class);

        listeners.buildFailed(codec.read(envelope, BuildFailed.class), envelope);

        verify(deployments).buildFailed(DEPLOYMENT,
                "branch 'release' not found in https://github.com/acme/shop.git", null, CommitInfo.UNKNOWN,
                envelope.occurredAt());
    }

    @Test
    void cancelsTheDeploymentWithTheBuildsReasonOnTheGoldenBuildCancelled() {
        EventEnvelope envelope = golden(BuildCancelled.class);

        listeners.buildCancelled(codec.read(envelope, BuildCancelled.class), envelope);

        verify(deployments).buildCancelled(DEPLOYMENT, "superseded by deployment " + SUCCESSOR,
                envelope.occurredAt());
    }

    @Test
    void marksTheDeploymentRunningAtItsUrlOnTheGoldenContainerHealthy() {
        EventEnvelope envelope = golden(ContainerHealthy.class);

        listeners.containerHealthy(codec.read(envelope, ContainerHealthy.class), envelope);

        verify(deployments).becameHealthy(DEPLOYMENT, "http://shop.paas.localhost", envelope.occurredAt());
    }

    @Test
    void failsTheDeploymentWithTheRuntimesReasonOnTheGoldenDeploymentFailed() {
        EventEnvelope envelope = golden(DeploymentFailed.class);

        listeners.deploymentFailed(codec.read(envelope, DeploymentFailed.class), envelope);

        verify(deployments).runFailed(DEPLOYMENT, "app did not answer HTTP on port 3000 within 60 s",
                envelope.occurredAt());
    }

    @Test
    void marksTheDeploymentReplacedOnTheGoldenContainerStopped() {
        EventEnvelope envelope = golden(ContainerStopped.class);

        listeners.containerStopped(codec.read(envelope, ContainerStopped.class), envelope);

        verify(deployments).replaced(DEPLOYMENT, "replaced by deployment " + SUCCESSOR, envelope.occurredAt());
    }

    @Test
    void recordsTheRestartInTheHistoryOnTheGoldenContainerRestarted() {
        EventEnvelope envelope = golden(ContainerRestarted.class);

        listeners.containerRestarted(codec.read(envelope, ContainerRestarted.class), envelope);

        verify(history).containerRestarted(PROJECT, DEPLOYMENT, envelope.occurredAt(), 0, "exited with code 1", 1L, 2,
                2_000L);
    }

    @Test
    void putsTheAppInCrashLoopAndRecordsItOnTheGoldenCrashLoopDetected() {
        EventEnvelope envelope = golden(CrashLoopDetected.class);

        listeners.crashLoopDetected(codec.read(envelope, CrashLoopDetected.class), envelope);

        verify(projects).runtimeStateChanged(PROJECT, AppRuntime.State.CRASH_LOOP, 0, envelope.occurredAt());
        verify(history).crashLoopDetected(PROJECT, DEPLOYMENT, envelope.occurredAt(), 5, 300,
                List.of(1L, 1L, 1L, 1L, 1L), List.of("Error: Cannot find module 'express'", "Node.js v18.20.4"));
    }

    @Test
    void recordsTheAppsNewStateOnTheGoldenAppStateChanged() {
        EventEnvelope envelope = golden(AppStateChanged.class);

        listeners.appStateChanged(codec.read(envelope, AppStateChanged.class), envelope);

        verify(projects).runtimeStateChanged(PROJECT, AppRuntime.State.STOPPED, 0, envelope.occurredAt());
        verify(history).appStateChanged(PROJECT, envelope.occurredAt(), "STOPPED", 0, "stopped by its owner", OWNER);
    }

    @Test
    void onlyRecordsAStateItDoesNotKnowInTheHistory() {
        EventEnvelope envelope = golden(AppStateChanged.class);

        listeners.appStateChanged(new AppStateChanged(PROJECT, OWNER, "HIBERNATING", 0, "new in runtime-service",
                null), envelope);

        verify(history).appStateChanged(PROJECT, envelope.occurredAt(), "HIBERNATING", 0, "new in runtime-service",
                null);
    }

    @Test
    void recordsTheChangedKeysOnTheGoldenEnvironmentChanged() {
        EventEnvelope envelope = golden(EnvironmentChanged.class);

        listeners.environmentChanged(codec.read(envelope, EnvironmentChanged.class), envelope);

        verify(history).environmentChanged(PROJECT, envelope.occurredAt(), OWNER, "SET",
                List.of("API_KEY", "DATABASE_URL"));
    }

    @Test
    void recordsTheDomainOnTheGoldenDomainAddedAndDomainRemoved() {
        EventEnvelope added = golden(DomainAdded.class);
        EventEnvelope removed = golden(DomainRemoved.class);

        listeners.domainAdded(codec.read(added, DomainAdded.class), added);
        listeners.domainRemoved(codec.read(removed, DomainRemoved.class), removed);

        verify(history).domainAdded(PROJECT, added.occurredAt(), OWNER, "shop.example.com");
        verify(history).domainRemoved(PROJECT, removed.occurredAt(), OWNER, "shop.example.com");
    }

    private EventEnvelope golden(Class<? extends IntegrationEvent> type) {
        EventEnvelope envelope = codec.fromBytes(GoldenEvents.envelope(type));
        assertThat(envelope.occurredAt()).isNotNull();
        return envelope;
    }
}
