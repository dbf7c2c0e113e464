package dev.paas.project.messaging;

import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.project.ProjectCreated;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.messaging.testing.RecordingOutbox;
import dev.paas.project.projects.ProjectEvents;
import org.junit.jupiter.api.Test;

/**
 * A registered project becomes {@code ProjectCreated}, a deleted one {@code ProjectDeleted}, exactly as the platform's
 * golden envelopes say.
 */
class ProjectEventsPublisherTest {

    private final RecordingOutbox outbox = new RecordingOutbox();
    private final ProjectEventsPublisher publisher = new ProjectEventsPublisher(outbox);

    @Test
    void publishesProjectCreatedWithTheRepositoryBranchAndGithubRepository() {
        publisher.on(new ProjectEvents.Registered(PROJECT, "shop", OWNER, "https://github.com/acme/shop.git", "main",
                "acme/shop"));

        assertThat(outbox.appended()).containsExactly(GoldenEvents.sample(ProjectCreated.class));
    }

    @Test
    void publishesProjectDeletedWithWhoDeletedItAndItsGithubRepository() {
        publisher.on(new ProjectEvents.Deleted(PROJECT, "shop", OWNER, OWNER, "acme/shop"));

        assertThat(outbox.appended()).containsExactly(GoldenEvents.sample(ProjectDeleted.class));
    }
}
