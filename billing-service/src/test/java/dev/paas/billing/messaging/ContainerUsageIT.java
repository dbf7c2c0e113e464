package dev.paas.billing.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.contracts.runtime.ContainerStarted;
import dev.paas.contracts.runtime.ContainerStopped;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.EventBus;
import dev.paas.testing.SecuredComponentTest;
import dev.paas.testing.ServiceComponentTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * billing-service opens and closes usage intervals from container facts on JetStream, and closes those of a deleted
 * project when it is deleted.
 */
@ServiceComponentTest(database = "paas_billing_test")
class ContainerUsageIT extends SecuredComponentTest {

    private final EventBus bus = EventBus.shared();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void opensAndClosesAUsageIntervalPerContainer() throws Exception {
        UUID deploymentId = UUID.randomUUID();
        UUID projectId = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        EventEnvelope started = bus.publish(new ContainerStarted(deploymentId, projectId, "c1", 512L << 20,
                500_000_000L, owner));

        await().atMost(Duration.ofSeconds(20)).until(
                () -> get("/api/v1/billing/projects/" + projectId + "/usage", owner).body(),
                body -> body.contains(deploymentId.toString()) && body.contains("\"stoppedAt\":null"));

        bus.publish(new ContainerStopped(deploymentId, projectId, "c1", "replaced"));
        bus.republish(started);
        String usage = await().atMost(Duration.ofSeconds(20)).until(
                () -> get("/api/v1/billing/projects/" + projectId + "/usage", owner).body(),
                body -> !body.contains("\"stoppedAt\":null"));
        assertThat(usage).contains("\"memoryBytes\":536870912").contains("\"nanoCpus\":500000000");
        assertThat(usage.split("deploymentId")).hasSize(2);
        assertThat(jdbc.queryForObject("select owner_id from container_usage where deployment_id = ?", UUID.class,
                deploymentId)).isEqualTo(owner);
    }

    @Test
    void closesTheOpenIntervalsOfADeletedProjectAtItsDeletionAndKeepsTheHistory() throws Exception {
        UUID deleted = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID running = UUID.randomUUID();
        UUID stopped = UUID.randomUUID();
        UUID othersRunning = UUID.randomUUID();
        bus.publish(new ContainerStarted(stopped, deleted, "c-old", 256L << 20, 250_000_000L, owner));
        bus.publish(new ContainerStopped(stopped, deleted, "c-old", "replaced"));
        bus.publish(new ContainerStarted(running, deleted, "c-new", 256L << 20, 250_000_000L, owner));
        bus.publish(new ContainerStarted(othersRunning, kept, "c-other", 256L << 20, 250_000_000L, owner));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from container_usage where deployment_id in (?, ?, ?)"
                        + " and (deployment_id <> ? or stopped_at is not null)", Integer.class,
                stopped, running, othersRunning, stopped) == 3);
        Timestamp stoppedBefore = stoppedAt(stopped);

        EventEnvelope deletion = bus.publish(new ProjectDeleted(deleted, "shop", owner, owner, null));
        bus.republish(deletion);

        await().atMost(Duration.ofSeconds(20)).until(() -> stoppedAt(running) != null);
        assertThat(stoppedAt(running).toInstant()).isCloseTo(deletion.occurredAt(), within(1, ChronoUnit.MILLIS));
        assertThat(stoppedAt(stopped)).as("a closed interval").isEqualTo(stoppedBefore);
        assertThat(stoppedAt(othersRunning)).as("another project's interval").isNull();
        assertThat(jdbc.queryForObject("select count(*) from container_usage where project_id = ?", Integer.class,
                deleted)).as("billing history stays").isEqualTo(2);

        // runtime-service stops the project's containers after the deletion: the interval stays closed as it was.
        EventEnvelope stop = bus.publish(new ContainerStopped(running, deleted, "c-new", "project deleted"));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where event_id = ?", Integer.class, stop.id()) == 1);
        assertThat(get("/api/v1/billing/projects/" + deleted + "/usage", owner).body()).contains(running.toString())
                .doesNotContain("\"stoppedAt\":null");
        assertThat(stoppedAt(running).toInstant()).isCloseTo(deletion.occurredAt(), within(1, ChronoUnit.MILLIS));
    }

    private Timestamp stoppedAt(UUID deploymentId) {
        return jdbc.queryForObject("select stopped_at from container_usage where deployment_id = ?", Timestamp.class,
                deploymentId);
    }
}
