package dev.paas.runtime.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReleaseTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final UUID deploymentId = UUID.randomUUID();
    private final UUID projectId = UUID.randomUUID();
    private final UUID owner = UUID.randomUUID();

    private Release pending() {
        return Release.pending(deploymentId, projectId, owner, "shop", "paas-app/shop:" + deploymentId, 3000, NOW);
    }

    private Release starting() {
        Release release = pending();
        release.started("c0ffee", "paas-app-shop-12345678", 49153, 512L << 20, 500_000_000L, NOW);
        return release;
    }

    private Release running() {
        Release release = starting();
        release.promoted("http://shop.paas.localhost:8000", NOW);
        return release;
    }

    @Test
    void isRecordedPendingAndAnnouncesThatItWaitsForTheRolloutWorker() {
        Release release = pending();

        assertThat(release.status()).isEqualTo(ReleaseStatus.PENDING);
        assertThat(release.registeredEvents()).containsExactly(new ReleaseEvents.Recorded(deploymentId));
    }

    @Test
    void startsPendingAndAnnouncesTheStartedContainerWithItsLimits() {
        Release release = pending();

        release.started("c0ffee", "paas-app-shop-12345678", 49153, 512L << 20, 500_000_000L, NOW);

        assertThat(release.status()).isEqualTo(ReleaseStatus.STARTING);
        assertThat(release.hostPort()).isEqualTo(49153);
        assertThat(release.attempts()).isEqualTo(1);
        assertThat(release.registeredEvents()).last().isEqualTo(new ReleaseEvents.Started(deploymentId, projectId,
                "c0ffee", 512L << 20, 500_000_000L, owner));
    }

    @Test
    void promotesAStartingReleaseAndAnnouncesItsUrl() {
        Release release = starting();

        release.promoted("http://shop.paas.localhost:8000", NOW);

        assertThat(release.status()).isEqualTo(ReleaseStatus.RUNNING);
        assertThat(release.registeredEvents()).last().isEqualTo(new ReleaseEvents.Promoted(deploymentId, projectId,
                "c0ffee", "http://shop.paas.localhost:8000"));
    }

    @Test
    void retiresARunningReleaseThenAnnouncesItsContainerStopped() {
        Release release = running();
        UUID newer = UUID.randomUUID();

        release.supersededBy(newer, NOW);
        assertThat(release.status()).isEqualTo(ReleaseStatus.RETIRING);
        assertThat(release.registeredEvents()).as("retiring is not announced").hasSize(3);
        release.replaced(NOW);

        assertThat(release.status()).isEqualTo(ReleaseStatus.REPLACED);
        assertThat(release.registeredEvents()).last().isEqualTo(new ReleaseEvents.Replaced(deploymentId, projectId,
                "c0ffee", newer));
    }

    @Test
    void failsPendingOrStartingReleasesWithTheReason() {
        Release neverStarted = pending();
        Release crashed = starting();

        crashed.failed("container exited with code 1: boom", NOW);
        neverStarted.failed("image not found", NOW);

        assertThat(crashed.status()).isEqualTo(ReleaseStatus.FAILED);
        assertThat(crashed.error()).isEqualTo("container exited with code 1: boom");
        assertThat(crashed.registeredEvents()).last().isEqualTo(new ReleaseEvents.Failed(deploymentId, projectId,
                "container exited with code 1: boom"));
        assertThat(neverStarted.status()).isEqualTo(ReleaseStatus.FAILED);
        assertThat(neverStarted.registeredEvents()).last().isEqualTo(new ReleaseEvents.Failed(deploymentId,
                projectId, "image not found"));
    }

    @Test
    void goesBackToPendingWhenAStartWasInterrupted() {
        Release release = starting();

        release.interrupted(NOW);

        assertThat(release.status()).isEqualTo(ReleaseStatus.PENDING);
        assertThat(release.containerId()).isNull();
        assertThat(release.hostPort()).isNull();
        assertThat(release.attempts()).isEqualTo(1);
    }

    @Test
    void refusesToPromoteAReleaseThatIsNotStartingNamingItsState() {
        Release release = pending();

        assertThatThrownBy(() -> release.promoted("http://x", NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot promote: release of deployment " + deploymentId + " is PENDING");
        assertThat(release.registeredEvents()).as("a refused change announces nothing")
                .containsExactly(new ReleaseEvents.Recorded(deploymentId));
    }

    @Test
    void refusesToFailARunningRelease() {
        Release release = running();

        assertThatThrownBy(() -> release.failed("late failure", NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is RUNNING");
        assertThat(release.status()).isEqualTo(ReleaseStatus.RUNNING);
    }

    @Test
    void refusesToStartTwice() {
        Release release = starting();

        assertThatThrownBy(() -> release.started("other", "n", 1, 1, 1, NOW))
                .hasMessageContaining("cannot record a started container")
                .hasMessageContaining("is STARTING");
    }

    @Test
    void refusesToReplaceAReleaseNobodySuperseded() {
        Release release = running();

        assertThatThrownBy(() -> release.replaced(NOW)).hasMessageContaining("is RUNNING");
        assertThatThrownBy(() -> pending().supersededBy(UUID.randomUUID(), NOW)).hasMessageContaining("is PENDING");
    }

    @Test
    void refusesToRetryAFailedRelease() {
        Release release = starting();
        release.failed("gone", NOW);

        assertThatThrownBy(() -> release.interrupted(NOW)).hasMessageContaining("cannot retry")
                .hasMessageContaining("is FAILED");
    }

    @Test
    void belongsToTheOwnerOfItsImageOnly() {
        Release legacy = Release.pending(UUID.randomUUID(), projectId, null, "old", "img", 80, NOW);

        assertThat(pending().isOwnedBy(owner)).isTrue();
        assertThat(pending().isOwnedBy(UUID.randomUUID())).isFalse();
        assertThat(legacy.isOwnedBy(null)).isFalse();
    }

    @Test
    void rejectsAPortOutsideTheTcpRange() {
        assertThatThrownBy(() -> Release.pending(deploymentId, projectId, owner, "shop", "img", 0, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port");
    }
}
