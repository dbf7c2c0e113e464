package dev.paas.build.builds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.build.stack.BuildOverrides;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BuildTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private final UUID deploymentId = UUID.randomUUID();
    private final UUID projectId = UUID.randomUUID();
    private final UUID owner = UUID.randomUUID();

    @Test
    void isQueuedWhenRecordedAndAnnouncesIt() {
        Build build = queued();

        assertThat(build.status()).isEqualTo(BuildStatus.QUEUED);
        assertThat(build.attempts()).isZero();
        assertThat(build.registeredEvents()).containsExactly(new BuildEvents.Queued(deploymentId));
    }

    @Test
    void runsThenSucceedsWithEverythingImageBuiltNeeds() {
        Build build = queued();
        build.start(NOW);
        build.recordCommit("abc123", "Add the shop", "Ada <ada@example.com>");
        build.recordStack("node");
        build.succeed("paas-app/shop:" + deploymentId, 3000, NOW.plusSeconds(40));

        assertThat(build.status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(build.attempts()).isEqualTo(1);
        assertThat(build.startedAt()).isEqualTo(NOW);
        assertThat(build.finishedAt()).isEqualTo(NOW.plusSeconds(40));
        assertThat(build.registeredEvents()).containsExactly(
                new BuildEvents.Queued(deploymentId),
                new BuildEvents.Started(deploymentId, projectId, owner),
                new BuildEvents.Succeeded(deploymentId, projectId, "shop", "paas-app/shop:" + deploymentId, "node",
                        "abc123", "Add the shop", 3000, owner, "Ada <ada@example.com>"));
    }

    @Test
    void failsWithTheReasonAndWhatWasKnown() {
        Build build = queued();
        build.start(NOW);
        build.recordCommit("abc123", "Break it", "Ada <ada@example.com>");
        build.fail("image build failed: npm ERR! code E404", NOW);

        assertThat(build.status()).isEqualTo(BuildStatus.FAILED);
        assertThat(build.error()).isEqualTo("image build failed: npm ERR! code E404");
        assertThat(build.registeredEvents()).last().isEqualTo(new BuildEvents.Failed(deploymentId, projectId,
                "image build failed: npm ERR! code E404", null, "abc123", "Break it", owner,
                "Ada <ada@example.com>"));
    }

    @Test
    void handsTheRequestedCommitAndOverridesToTheWorker() {
        BuildOverrides overrides = new BuildOverrides("apps/web", null, "npm run build", null, 4000, null);
        Build build = Build.queue(deploymentId, projectId, owner, "shop", "https://github.com/acme/shop.git", "main",
                "abc1234", overrides, NOW);
        build.start(NOW);

        ClaimedBuild claimed = ClaimedBuild.of(build);

        assertThat(claimed.commitSha()).isEqualTo("abc1234");
        assertThat(claimed.overrides()).isEqualTo(overrides);
        assertThat(ClaimedBuild.of(started(queued())).overrides()).isEqualTo(BuildOverrides.NONE);
        assertThat(ClaimedBuild.of(started(queued())).commitSha()).isNull();
    }

    @Test
    void cannotStartTwice() {
        Build build = queued();
        build.start(NOW);

        assertThatThrownBy(() -> build.start(NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot start build " + deploymentId + ": it is RUNNING, expected QUEUED");
    }

    @Test
    void cannotCompleteABuildThatIsNotRunning() {
        Build build = queued();

        assertThatThrownBy(() -> build.succeed("tag", 80, NOW))
                .hasMessage("cannot complete build " + deploymentId + ": it is QUEUED, expected RUNNING");
        assertThatThrownBy(() -> build.recordCommit("abc", "msg", "A <a@b>"))
                .hasMessageContaining("it is QUEUED");
    }

    @Test
    void cannotChangeAFinishedBuild() {
        Build build = queued();
        build.start(NOW);
        build.fail("no supported stack detected", NOW);

        assertThatThrownBy(() -> build.fail("again", NOW))
                .hasMessage("cannot fail build " + deploymentId + ": it is FAILED, expected RUNNING");
        assertThatThrownBy(() -> build.requeueAbandoned(NOW)).hasMessageContaining("it is FAILED");
        assertThatThrownBy(() -> build.start(NOW)).hasMessageContaining("it is FAILED");
    }

    @Test
    void aHandedBackBuildDoesNotCountTheAttempt() {
        Build build = queued();
        build.start(NOW);
        build.handBack();

        assertThat(build.status()).isEqualTo(BuildStatus.QUEUED);
        assertThat(build.attempts()).isZero();
    }

    @Test
    void anAbandonedBuildIsQueuedAgainAndCountsTheAttempt() {
        Build build = queued();
        build.start(NOW);
        build.requeueAbandoned(NOW);
        build.start(NOW);

        assertThat(build.attempts()).isEqualTo(2);
        assertThat(build.isRunningAttempt(2)).isTrue();
        assertThat(build.isRunningAttempt(1)).isFalse();
    }

    @Test
    void aQueuedBuildEndsCancelledAtOnce() {
        Build build = queued();

        assertThat(build.cancel("superseded by deployment x", NOW)).isTrue();

        assertThat(build.status()).isEqualTo(BuildStatus.CANCELLED);
        assertThat(build.error()).isEqualTo("superseded by deployment x");
        assertThat(build.registeredEvents()).contains(
                new BuildEvents.Cancelled(deploymentId, projectId, "superseded by deployment x", owner));
        assertThatThrownBy(() -> build.start(NOW)).hasMessageContaining("it is CANCELLED");
    }

    @Test
    void aRunningBuildRecordsTheRequestUntilItsWorkerStopsIt() {
        Build build = queued();
        build.start(NOW);

        assertThat(build.cancel("cancelled by its owner", NOW)).isFalse();
        assertThat(build.cancel("cancelled by an administrator", NOW)).isFalse();
        assertThat(build.status()).isEqualTo(BuildStatus.RUNNING);
        assertThat(build.cancelReason()).isEqualTo("cancelled by its owner");

        build.cancelled(NOW);
        assertThat(build.status()).isEqualTo(BuildStatus.CANCELLED);
        assertThat(build.registeredEvents()).contains(
                new BuildEvents.Cancelled(deploymentId, projectId, "cancelled by its owner", owner));
    }

    @Test
    void anAbandonedBuildThatWasAskedToStopEndsCancelled() {
        Build build = queued();
        build.start(NOW);
        build.cancel("cancelled by its owner", NOW);

        build.requeueAbandoned(NOW);

        assertThat(build.status()).isEqualTo(BuildStatus.CANCELLED);
    }

    @Test
    void aFinishedBuildCannotBeCancelled() {
        Build build = queued();
        build.start(NOW);
        build.fail("boom", NOW);

        assertThatThrownBy(() -> build.cancel("cancelled by its owner", NOW))
                .hasMessage("cannot cancel build " + deploymentId + ": it is already FAILED");
    }

    @Test
    void belongsToTheOwnerOfItsRequestOnly() {
        Build build = queued();
        Build legacy = Build.queue(UUID.randomUUID(), projectId, null, "old", "https://h/r.git", "main", NOW);

        assertThat(build.isOwnedBy(owner)).isTrue();
        assertThat(build.isOwnedBy(UUID.randomUUID())).isFalse();
        assertThat(legacy.isOwnedBy(null)).isFalse();
    }

    @Test
    void cutsAnOverlongError() {
        Build build = queued();
        build.start(NOW);
        build.fail("x".repeat(5000), NOW);

        assertThat(build.error()).hasSize(2000).endsWith("…");
    }

    private static Build started(Build build) {
        build.start(NOW);
        return build;
    }

    private Build queued() {
        return Build.queue(deploymentId, projectId, owner, "shop", "https://github.com/acme/shop.git", "main", NOW);
    }
}
