package dev.paas.project.messaging;

import static dev.paas.contracts.golden.GoldenEvents.DEPLOYMENT;
import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static dev.paas.contracts.golden.GoldenEvents.SUCCESSOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.project.DeploymentRequested;
import dev.paas.contracts.project.RollbackRequested;
import dev.paas.messaging.testing.RecordingOutbox;
import dev.paas.project.deployments.DeploymentEvents;
import dev.paas.project.deployments.DeploymentTrigger;
import dev.paas.project.projects.BuildSettings;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A queued deployment becomes {@code DeploymentRequested}, a rollback {@code RollbackRequested}, exactly as the
 * platform's golden envelopes say.
 */
class DeploymentEventsPublisherTest {

    private final RecordingOutbox outbox = new RecordingOutbox();
    private final DeploymentEventsPublisher publisher = new DeploymentEventsPublisher(outbox);

    @Test
    void publishesDeploymentRequestedWithTheProjectsRepositoryBranchCommitAndBuildSettings() {
        publisher.on(new DeploymentEvents.Requested(DEPLOYMENT, PROJECT, "shop", "https://github.com/acme/shop.git",
                "main", OWNER, "9fceb02d0ae598e95dc970b74767f19372d61af8",
                new BuildSettings("apps/web", null, "npm run build:prod", null, 4000, null), DeploymentTrigger.MANUAL,
                Instant.parse("2026-11-22T10:00:00Z")));

        assertThat(outbox.appended()).containsExactly(GoldenEvents.sample(DeploymentRequested.class));
    }

    @Test
    void publishesRollbackRequestedNamingTheNewAndTheSourceDeployment() {
        publisher.on(new DeploymentEvents.RollbackRequested(SUCCESSOR, PROJECT, "shop", OWNER, DEPLOYMENT,
                "9fceb02d0ae598e95dc970b74767f19372d61af8", Instant.parse("2026-11-22T10:00:00Z")));

        assertThat(outbox.appended()).containsExactly(GoldenEvents.sample(RollbackRequested.class));
    }
}
