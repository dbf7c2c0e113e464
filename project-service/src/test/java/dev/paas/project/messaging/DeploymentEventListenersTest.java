package dev.paas.project.messaging;

import static dev.paas.contracts.golden.GoldenEvents.DEPLOYMENT;
import static dev.paas.contracts.golden.GoldenEvents.IMAGE;
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
import dev.paas.contracts.runtime.ContainerHealthy;
import dev.paas.contracts.runtime.ContainerStopped;
import dev.paas.contracts.runtime.DeploymentFailed;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.project.deployments.CommitInfo;
import dev.paas.project.deployments.DeploymentService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The listeners of {@code paas.build} and {@code paas.runtime} fed the platform's golden envelopes, as they arrive
 * from JetStream: each becomes one call on the deployment service, dated when the envelope says it happened.
 */
class DeploymentEventListenersTest {

    private final EventCodec codec = new EventCodec();
    private final DeploymentService deployments = mock(DeploymentService.class);
    private final DeploymentEventListeners listeners = new DeploymentEventListeners(deployments);

    @AfterEach
    void makesNoOtherCall() {
        verifyNoMoreInteractions(deployments);
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

        listeners.containerStopped(codec.read(envelope, ContainerStopped.class));

        verify(deployments).replaced(DEPLOYMENT);
    }

    private EventEnvelope golden(Class<? extends IntegrationEvent> type) {
        EventEnvelope envelope = codec.fromBytes(GoldenEvents.envelope(type));
        assertThat(envelope.occurredAt()).isNotNull();
        return envelope;
    }
}
