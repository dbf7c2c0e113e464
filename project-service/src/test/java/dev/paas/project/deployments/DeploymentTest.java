package dev.paas.project.deployments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.problems.Conflict;
import dev.paas.project.projects.BuildSettings;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeploymentTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String ADA = "Ada <ada@example.com>";
    private static final BuildSettings SETTINGS = new BuildSettings("apps/web", null, "npm run build", null, 4000,
            null);

    private final UUID projectId = UUID.randomUUID();
    private final UUID owner = UUID.randomUUID();
    private final DeploymentTarget target = new DeploymentTarget(projectId, owner, "shop",
            "https://github.com/acme/shop.git", "main", SETTINGS);
    private final Deployment deployment = Deployment.queue(UUID.randomUUID(), target, null, NOW);

    @Test
    void asksForTheBuildOfTheProjectsBranchWhenQueued() {
        UUID id = UUID.randomUUID();

        Deployment queued = Deployment.queue(id, target, null, NOW);

        assertThat(queued.status()).isEqualTo(DeploymentStatus.QUEUED);
        assertThat(queued.projectId()).isEqualTo(projectId);
        assertThat(queued.registeredEvents()).containsExactly(new DeploymentEvents.Requested(id, projectId, "shop",
                "https://github.com/acme/shop.git", "main", owner, null, SETTINGS, DeploymentTrigger.MANUAL, NOW));
    }

    @Test
    void asksForTheBuildOfTheCommitItsOwnerNamed() {
        UUID id = UUID.randomUUID();

        Deployment queued = Deployment.queue(id, target, "abc1234", NOW);

        assertThat(queued.commitSha()).isEqualTo("abc1234");
        assertThat(queued.registeredEvents()).containsExactly(new DeploymentEvents.Requested(id, projectId, "shop",
                "https://github.com/acme/shop.git", "main", owner, "abc1234", SETTINGS, DeploymentTrigger.MANUAL, NOW));
    }

    @Test
    void asksForTheBuildOfExactlyThePushedCommitWhenQueuedForAPush() {
        UUID id = UUID.randomUUID();

        Deployment queued = Deployment.queueForPush(id, target, "abc123", "fix", NOW);

        assertThat(queued.registeredEvents()).containsExactly(new DeploymentEvents.Requested(id, projectId, "shop",
                "https://github.com/acme/shop.git", "main", owner, "abc123", SETTINGS, DeploymentTrigger.PUSH, NOW));
    }

    @Test
    void announcesEachTransitionOnceHoweverOftenItIsReported() {
        UUID id = UUID.randomUUID();
        Deployment loaded = new Deployment(id, projectId, DeploymentStatus.QUEUED, DeploymentTrigger.MANUAL, null,
                null, null, null, null, null, null, null, NOW, null, null, null, 1);

        loaded.buildStarted(NOW);
        loaded.buildStarted(NOW.plusSeconds(1));
        loaded.imageBuilt("node", new CommitInfo("abc123", "first commit", ADA), "paas-app/shop:1", NOW);
        loaded.imageBuilt("node", new CommitInfo("abc123", "first commit", ADA), "paas-app/shop:1", NOW);
        loaded.becameHealthy("http://shop.paas.localhost", NOW);
        loaded.becameHealthy("http://shop.paas.localhost", NOW);
        loaded.replaced("replaced by deployment 42", NOW.plusSeconds(9));
        loaded.replaced("replaced by deployment 42", NOW.plusSeconds(9));

        assertThat(loaded.status()).isEqualTo(DeploymentStatus.REPLACED);
        assertThat(loaded.registeredEvents()).containsExactly(
                new DeploymentEvents.BuildStarted(id, projectId, NOW),
                new DeploymentEvents.ImageBuilt(id, projectId, "paas-app/shop:1", "node", "abc123", NOW),
                new DeploymentEvents.WentLive(id, projectId, "http://shop.paas.localhost", NOW),
                new DeploymentEvents.Replaced(id, projectId, "replaced by deployment 42", NOW.plusSeconds(9)));
    }

    @Test
    void announcesAFailureAndACancellationOnce() {
        Deployment failing = Deployment.queue(UUID.randomUUID(), target, null, NOW);
        failing.fail("app did not answer", NOW.plusSeconds(1));
        failing.fail("again", NOW.plusSeconds(2));
        deployment.buildCancelled("cancelled by its owner", NOW.plusSeconds(1));
        deployment.buildCancelled("cancelled by its owner", NOW.plusSeconds(2));

        assertThat(failing.registeredEvents()).last().isEqualTo(
                new DeploymentEvents.Failed(failing.id(), projectId, "app did not answer", NOW.plusSeconds(1)));
        assertThat(failing.registeredEvents()).hasSize(2);
        assertThat(deployment.registeredEvents()).last().isEqualTo(
                new DeploymentEvents.Cancelled(deployment.id(), projectId, "cancelled by its owner",
                        NOW.plusSeconds(1)));
        assertThat(deployment.registeredEvents()).hasSize(2);
    }

    @Test
    void aRollbackRunsTheImageOfADeploymentThatWentLiveAgainWithoutABuild() {
        deployment.imageBuilt("node", new CommitInfo("abc123", "first commit", ADA), "paas-app/shop:1", NOW);
        deployment.becameHealthy("http://shop.paas.localhost", NOW.plusSeconds(1));
        deployment.replaced("replaced", NOW.plusSeconds(2));
        UUID id = UUID.randomUUID();

        Deployment rollback = Deployment.rollbackTo(id, target, deployment, NOW.plusSeconds(3));

        assertThat(rollback.status()).isEqualTo(DeploymentStatus.DEPLOYING);
        assertThat(rollback.trigger()).isEqualTo(DeploymentTrigger.ROLLBACK);
        assertThat(rollback.rollbackOf()).isEqualTo(deployment.id());
        assertThat(rollback.commitSha()).isEqualTo("abc123");
        assertThat(rollback.commitMessage()).isEqualTo("first commit");
        assertThat(rollback.commitAuthor()).isEqualTo(ADA);
        assertThat(rollback.imageTag()).isEqualTo("paas-app/shop:1");
        assertThat(rollback.registeredEvents()).containsExactly(new DeploymentEvents.RollbackRequested(id,
                projectId, "shop", owner, deployment.id(), "abc123", NOW.plusSeconds(3)));
        rollback.becameHealthy("http://shop.paas.localhost", NOW.plusSeconds(4));
        assertThat(rollback.status()).as("live without ever building").isEqualTo(DeploymentStatus.RUNNING);
    }

    @Test
    void refusesToRollBackToADeploymentThatNeverWentLive() {
        deployment.fail("branch 'nope' not found", NOW);

        assertThatThrownBy(() -> Deployment.rollbackTo(UUID.randomUUID(), target, deployment, NOW))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("it is FAILED");
    }

    @Test
    void remembersWhatTriggeredIt() {
        Deployment pushed = Deployment.queueForPush(UUID.randomUUID(), target, "abc123", "fix", NOW);

        assertThat(deployment.trigger()).isEqualTo(DeploymentTrigger.MANUAL);
        assertThat(pushed.trigger()).isEqualTo(DeploymentTrigger.PUSH);
        assertThat(pushed.commitSha()).isEqualTo("abc123");
        pushed.imageBuilt("node", 
                new CommitInfo("def456", "newer", ADA), "paas-app/shop:1", NOW);
        assertThat(pushed.commitSha()).as("the commit actually built").isEqualTo("def456");
        assertThat(pushed.commitAuthor()).isEqualTo(ADA);
    }

    @Test
    void aCancelledBuildEndsTheDeploymentOnceAndForAll() {
        deployment.buildStarted(NOW.plusSeconds(1));

        deployment.buildCancelled("cancelled by its owner", NOW.plusSeconds(2));
        deployment.buildCancelled("cancelled by its owner", NOW.plusSeconds(3));
        deployment.buildStarted(NOW.plusSeconds(4));
        deployment.fail("late failure", NOW.plusSeconds(5));

        assertThat(deployment.status()).isEqualTo(DeploymentStatus.CANCELLED);
        assertThat(deployment.error()).isEqualTo("cancelled by its owner");
        assertThat(deployment.finishedAt()).isEqualTo(NOW.plusSeconds(2));
    }

    @Test
    void aCancellationAfterTheImageWasBuiltIsRefused() {
        deployment.imageBuilt("node", new CommitInfo("abc", "fix", ADA), "paas-app/shop:x", NOW.plusSeconds(1));

        assertThatThrownBy(() -> deployment.buildCancelled("cancelled by its owner", NOW.plusSeconds(2)))
                .hasMessageContaining("it is DEPLOYING");
    }

    @Test
    void movesThroughTheHappyPath() {
        assertThat(deployment.status()).isEqualTo(DeploymentStatus.QUEUED);
        deployment.buildStarted(NOW.plusSeconds(1));
        assertThat(deployment.status()).isEqualTo(DeploymentStatus.BUILDING);
        deployment.imageBuilt("node", 
                new CommitInfo("abc123", "first commit", ADA), "paas-app/shop:1", NOW.plusSeconds(5));
        assertThat(deployment.status()).isEqualTo(DeploymentStatus.DEPLOYING);
        deployment.becameHealthy("http://shop.paas.localhost", NOW.plusSeconds(6));
        assertThat(deployment.status()).isEqualTo(DeploymentStatus.RUNNING);
        assertThat(deployment.url()).isEqualTo("http://shop.paas.localhost");
        assertThat(deployment.stack()).isEqualTo("node");
        assertThat(deployment.commitSha()).isEqualTo("abc123");
        assertThat(deployment.finishedAt()).isEqualTo(NOW.plusSeconds(6));
        deployment.replaced("replaced", NOW.plusSeconds(7));
        assertThat(deployment.status()).isEqualTo(DeploymentStatus.REPLACED);
    }

    @Test
    void lateFactsFillDetailsWithoutMovingBackwards() {
        deployment.becameHealthy("http://shop.paas.localhost", NOW.plusSeconds(6));
        deployment.buildStarted(NOW.plusSeconds(1));
        deployment.imageBuilt("static", 
                new CommitInfo("def456", "docs", ADA), "paas-app/shop:2", NOW.plusSeconds(5));

        assertThat(deployment.status()).isEqualTo(DeploymentStatus.RUNNING);
        assertThat(deployment.stack()).isEqualTo("static");
        assertThat(deployment.buildStartedAt()).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void failureIsFinalAndKeepsItsReason() {
        deployment.buildStarted(NOW);
        deployment.buildFailed("branch 'nope' not found", null, CommitInfo.UNKNOWN, NOW.plusSeconds(2));
        deployment.fail("a second opinion", NOW.plusSeconds(3));
        deployment.buildStarted(NOW.plusSeconds(4));

        assertThat(deployment.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(deployment.error()).isEqualTo("branch 'nope' not found");
    }

    @Test
    void refusesToFailALiveDeployment() {
        deployment.becameHealthy("http://shop.paas.localhost", NOW);

        assertThatThrownBy(() -> deployment.fail("late failure", NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("it is RUNNING");
    }

    @Test
    void refusesToRunAFailedDeployment() {
        deployment.fail("image build failed", NOW);

        assertThatThrownBy(() -> deployment.becameHealthy("http://x", NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("it is FAILED");
    }

    @Test
    void refusesToReplaceADeploymentThatNeverRan() {
        assertThatThrownBy(() -> deployment.replaced("replaced", NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("it is QUEUED");
    }
}
