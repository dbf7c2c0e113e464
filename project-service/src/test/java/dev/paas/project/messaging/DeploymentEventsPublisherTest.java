package dev.paas.project.messaging;

import static dev.paas.contracts.golden.GoldenEvents.DEPLOYMENT;
import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.project.DeploymentRequested;
import dev.paas.messaging.testing.RecordingOutbox;
import dev.paas.project.deployments.DeploymentEvents;
import dev.paas.project.projects.BuildSettings;
import org.junit.jupiter.api.Test;

/** A queued deployment becomes {@code DeploymentRequested} exactly as the platform's golden envelope says. */
class DeploymentEventsPublisherTest {

    private final RecordingOutbox outbox = new RecordingOutbox();
    private final DeploymentEventsPublisher publisher = new DeploymentEventsPublisher(outbox);

    @Test
    void publishesDeploymentRequestedWithTheProjectsRepositoryBranchCommitAndBuildSettings() {
        publisher.on(new DeploymentEvents.Requested(DEPLOYMENT, PROJECT, "shop", "https://github.com/acme/shop.git",
                "main", OWNER, "9fceb02d0ae598e95dc970b74767f19372d61af8",
                new BuildSettings("apps/web", null, "npm run build:prod", null, 4000, null)));

        assertThat(outbox.appended()).containsExactly(GoldenEvents.sample(DeploymentRequested.class));
    }
}
