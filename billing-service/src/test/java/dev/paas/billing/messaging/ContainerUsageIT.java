package dev.paas.billing.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.runtime.ContainerStarted;
import dev.paas.contracts.runtime.ContainerStopped;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.EventBus;
import dev.paas.testing.SecuredComponentTest;
import dev.paas.testing.ServiceComponentTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** billing-service opens and closes usage intervals from container facts on JetStream. */
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
}
