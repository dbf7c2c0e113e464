package dev.paas.database.databases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.database.engine.DatabaseType;
import dev.paas.problems.Conflict;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Which owner actions each state allows, the restart back-off, the disk quota's hysteresis and the volumes. */
class DatabaseStateRulesTest {

    private static final UUID ID = UUID.fromString("0192f0c4-7a10-7000-8000-000000000001");

    @Test
    void onlyARunningDatabaseCanBeStopped() {
        assertThatCode(() -> in(DatabaseState.RUNNING).requireStoppable()).doesNotThrowAnyException();
        for (DatabaseState state : EnumSet.complementOf(EnumSet.of(DatabaseState.RUNNING))) {
            assertThatThrownBy(() -> in(state).requireStoppable()).isInstanceOf(Conflict.class)
                    .hasMessage("cannot stop database shop: it is " + state);
        }
    }

    @Test
    void aStoppedDatabaseOrOneInACrashLoopCanBeStarted() {
        assertThatCode(() -> in(DatabaseState.STOPPED).requireStartable()).doesNotThrowAnyException();
        assertThatCode(() -> in(DatabaseState.CRASH_LOOP).requireStartable()).doesNotThrowAnyException();
        for (DatabaseState state : EnumSet.of(DatabaseState.RUNNING, DatabaseState.PROVISIONING,
                DatabaseState.RESTORING, DatabaseState.FAILED)) {
            assertThatThrownBy(() -> in(state).requireStartable()).isInstanceOf(Conflict.class)
                    .hasMessage("cannot start database shop: it is " + state);
        }
    }

    @Test
    void onlyAProvisionedDatabaseCanBeLinked() {
        assertThatCode(() -> in(DatabaseState.STOPPED).requireLinkable()).doesNotThrowAnyException();
        assertThatThrownBy(() -> in(DatabaseState.PROVISIONING).requireLinkable()).isInstanceOf(Conflict.class)
                .hasMessageContaining("link it once it is RUNNING");
        assertThatThrownBy(() -> in(DatabaseState.FAILED).requireLinkable()).isInstanceOf(Conflict.class);
    }

    @Test
    void backOffStartsAtOneSecondAndDoublesUpToAMinute() {
        DatabasesProperties.Supervision supervision = new DatabasesProperties.Supervision(Duration.ofSeconds(2),
                Duration.ofSeconds(30), 3, Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(60), 5,
                Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertThat(supervision.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(supervision.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(supervision.backoff(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(supervision.backoff(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(supervision.backoff(40)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void writesAreRefusedAtTheQuotaAndAllowedAgainBelowNinetyFivePercent() {
        long quota = DataSize.ofGigabytes(1).toBytes();
        assertThat(DiskQuota.exceeded(false, quota - 1, quota)).isFalse();
        assertThat(DiskQuota.exceeded(false, quota, quota)).isTrue();
        assertThat(DiskQuota.exceeded(true, quota * 96 / 100, quota)).as("still above 95 %").isTrue();
        assertThat(DiskQuota.exceeded(false, quota * 96 / 100, quota)).isFalse();
        assertThat(DiskQuota.exceeded(true, quota * 94 / 100, quota)).isFalse();
    }

    @Test
    void aDatabaseHasHadItsFirstVolumeAndEachRestoredOne() {
        DatabaseRecord restoredTwice = new DatabaseRecord(ID, UUID.randomUUID(), "shop", DatabaseType.POSTGRESQL,
                "15", "paas/postgres:15", DatabaseState.RUNNING, null, "paas-db-" + ID, "paas-db-" + ID + "-r2", 2,
                "sealed", 1, 1, 1, false, 0, false, null, Instant.now());
        assertThat(restoredTwice.volumes()).containsExactly("paas-db-" + ID, "paas-db-" + ID + "-r1",
                "paas-db-" + ID + "-r2");
    }

    @Test
    void variableNamesFollowThePrefix() {
        assertThat(Databases.variableNames("DATABASE", DatabaseType.REDIS)).containsExactly("DATABASE_URL",
                "DATABASE_HOST", "DATABASE_PORT", "DATABASE_USER", "DATABASE_PASSWORD", "DATABASE_NAME", "REDIS_URL");
        assertThat(Databases.variableNames("CACHE", DatabaseType.POSTGRESQL)).hasSize(6).contains("CACHE_URL");
    }

    private static DatabaseRecord in(DatabaseState state) {
        return new DatabaseRecord(ID, UUID.randomUUID(), "shop", DatabaseType.POSTGRESQL, "15", "paas/postgres:15",
                state, null, "paas-db-" + ID, "paas-db-" + ID, 0, "sealed", 1, 1, 1, false, 0, false, null,
                Instant.now());
    }
}
