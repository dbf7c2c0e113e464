package dev.paas.project.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.project.projects.AppRuntime;
import dev.paas.project.projects.BuildSettings;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How the status the API shows follows the deployments and what runtime-service reports. */
class AppStatusTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final DeploymentTarget target = new DeploymentTarget(UUID.randomUUID(), UUID.randomUUID(), "shop",
            "https://github.com/acme/shop.git", "main", BuildSettings.NONE);

    @Test
    void isNewWithOneInstanceBeforeAnythingHappened() {
        assertThat(AppStatus.of(null, AppRuntime.UNKNOWN)).isEqualTo(new AppStatus("NEW", 1));
    }

    @Test
    void followsTheLatestDeploymentWhileTheRuntimeReportedNothing() {
        Deployment deployment = Deployment.queue(UUID.randomUUID(), target, null, T0);
        assertThat(AppStatus.of(deployment, AppRuntime.UNKNOWN).status()).isEqualTo("QUEUED");
        deployment.buildStarted(T0.plusSeconds(1));
        assertThat(AppStatus.of(deployment, AppRuntime.UNKNOWN).status()).isEqualTo("BUILDING");
        deployment.imageBuilt("node", CommitInfo.UNKNOWN, "paas-app/shop:1", T0.plusSeconds(2));
        assertThat(AppStatus.of(deployment, AppRuntime.UNKNOWN).status()).isEqualTo("DEPLOYING");
        deployment.becameHealthy("http://shop.paas.localhost", T0.plusSeconds(3));
        assertThat(AppStatus.of(deployment, AppRuntime.UNKNOWN)).isEqualTo(new AppStatus("RUNNING", 1));

        Deployment failed = Deployment.queue(UUID.randomUUID(), target, null, T0);
        failed.fail("no such branch", T0.plusSeconds(1));
        assertThat(AppStatus.of(failed, AppRuntime.UNKNOWN).status()).isEqualTo("FAILED");
    }

    @Test
    void showsAStopSuspensionOrCrashLoopReportedAfterTheDeploymentWentLiveWithNoInstances() {
        Deployment live = liveAt(T0.plusSeconds(10));

        for (AppRuntime.State state : new AppRuntime.State[] {AppRuntime.State.STOPPED, AppRuntime.State.SUSPENDED,
                AppRuntime.State.CRASH_LOOP}) {
            assertThat(AppStatus.of(live, new AppRuntime(state, T0.plusSeconds(20), 3)))
                    .isEqualTo(new AppStatus(state.name(), 0));
        }
    }

    @Test
    void isRunningAgainWithItsInstancesAfterTheAppWasStartedOrScaled() {
        Deployment live = liveAt(T0.plusSeconds(10));

        assertThat(AppStatus.of(live, new AppRuntime(AppRuntime.State.RUNNING, T0.plusSeconds(30), 3)))
                .isEqualTo(new AppStatus("RUNNING", 3));
    }

    @Test
    void aNewDeploymentGoingLiveEndsAnEarlierStopOrCrashLoop() {
        Deployment live = liveAt(T0.plusSeconds(60));

        assertThat(AppStatus.of(live, new AppRuntime(AppRuntime.State.CRASH_LOOP, T0.plusSeconds(30), 2)))
                .isEqualTo(new AppStatus("RUNNING", 2));
    }

    @Test
    void aDeploymentRequestedAfterAStopShowsItsOwnProgress() {
        Deployment queued = Deployment.queue(UUID.randomUUID(), target, null, T0.plusSeconds(60));

        assertThat(AppStatus.of(queued, new AppRuntime(AppRuntime.State.STOPPED, T0.plusSeconds(30), 1)).status())
                .isEqualTo("QUEUED");
    }

    @Test
    void aCrashLoopWhileANewerDeploymentBuildsShowsUntilItGoesLive() {
        Deployment building = Deployment.queue(UUID.randomUUID(), target, null, T0);
        building.buildStarted(T0.plusSeconds(1));
        AppRuntime crashLoop = new AppRuntime(AppRuntime.State.CRASH_LOOP, T0.plusSeconds(5), 1);

        assertThat(AppStatus.of(building, crashLoop).status()).isEqualTo("CRASH_LOOP");
        building.imageBuilt("node", CommitInfo.UNKNOWN, "paas-app/shop:2", T0.plusSeconds(8));
        building.becameHealthy("http://shop.paas.localhost", T0.plusSeconds(9));
        assertThat(AppStatus.of(building, crashLoop).status()).isEqualTo("RUNNING");
    }

    @Test
    void aRuntimeReportWithoutAnyDeploymentStillShows() {
        assertThat(AppStatus.of(null, new AppRuntime(AppRuntime.State.STOPPED, T0, 1)).status())
                .isEqualTo("STOPPED");
    }

    private Deployment liveAt(Instant at) {
        Deployment deployment = Deployment.queue(UUID.randomUUID(), target, null, T0);
        deployment.imageBuilt("node", CommitInfo.UNKNOWN, "paas-app/shop:1", at.minusSeconds(1));
        deployment.becameHealthy("http://shop.paas.localhost", at);
        return deployment;
    }
}
