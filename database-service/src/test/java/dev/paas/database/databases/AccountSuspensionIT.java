package dev.paas.database.databases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.billing.AccountReinstated;
import dev.paas.contracts.billing.AccountSuspended;
import dev.paas.database.engine.DatabaseSpec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.EventBus;
import dev.paas.testing.ServiceCalls;
import dev.paas.testing.ServiceComponentTest;
import dev.paas.tokens.testing.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Billing's suspension and reinstatement of an account against Docker, PostgreSQL and JetStream: the account's
 * running database is stopped with its volume kept and cannot be started by its owner meanwhile (402), nor can the
 * one its owner had stopped, which is otherwise left alone; on reinstatement only the first runs again.
 */
@ServiceComponentTest(database = "paas_database_test", freshDatabase = true)
class AccountSuspensionIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration SOON = Duration.ofSeconds(90);

    private static EventBus bus;
    private static TestTokens tokens;

    @LocalServerPort
    int port;

    private final UUID owner = UUID.randomUUID();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        bus = EventBus.shared();
        tokens = TestTokens.registerWith(registry);
    }

    @AfterEach
    void removeContainers() {
        DatabasesIT.deleteAll(port, owner);
        DockerCli.removeEverythingOf(owner, "paas-user-" + owner.toString().replace("-", "").substring(0, 12));
    }

    @Test
    void stopsTheAccountsRunningDatabasesKeepingTheirVolumesAndStartsThemAgainOnReinstatement() throws Exception {
        UUID running = create("redis", "cache");
        UUID stoppedByOwner = create("postgresql", "shop");
        awaitState(running, "RUNNING");
        awaitState(stoppedByOwner, "RUNNING");
        assertThat(call("POST", "/api/v1/databases/" + stoppedByOwner + "/stop").statusCode()).isEqualTo(200);
        String container = DatabaseSpec.containerNameOf(running);

        EventEnvelope suspension = bus.publish(new AccountSuspended(owner, "-0.5000", "USD",
                "the balance stayed at -0.5000 USD through the 24 h grace period"));

        awaitState(running, "STOPPED");
        await().atMost(SOON).until(() -> !DockerCli.running(container));
        assertThat(DockerCli.exists(container)).as("the container is stopped, not removed").isTrue();
        assertThat(DockerCli.volumeExists(DatabaseSpec.firstVolumeOf(running))).isTrue();
        HttpResponse<String> start = call("POST", "/api/v1/databases/" + running + "/start");
        assertThat(start.statusCode()).isEqualTo(402);
        assertThat(start.body()).contains("your account is suspended");
        HttpResponse<String> startStopped = call("POST", "/api/v1/databases/" + stoppedByOwner + "/start");
        assertThat(startStopped.statusCode()).as("nothing new starts while the account is suspended").isEqualTo(402);
        assertThat(startStopped.body()).contains("top up to start databases again");
        bus.republish(suspension);

        bus.publish(new AccountReinstated(owner, "4.5000", "USD"));

        awaitState(running, "RUNNING");
        await().atMost(SOON).until(() -> DockerCli.running(container));
        assertThat(state(stoppedByOwner)).as("what its owner had stopped stays stopped").isEqualTo("STOPPED");
        assertThat(DockerCli.running(DatabaseSpec.containerNameOf(stoppedByOwner))).isFalse();
    }

    private UUID create(String type, String name) {
        HttpResponse<String> created = ServiceCalls.on(port).send("POST", "/api/v1/databases",
                JSON.writeValueAsString(Map.of("type", type, "name", name)), tokens.user(owner));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        return UUID.fromString(JSON.readTree(created.body()).get("id").asString());
    }

    private void awaitState(UUID id, String state) {
        await().atMost(SOON).pollInterval(Duration.ofMillis(300))
                .until(() -> state.equals(state(id)) || "FAILED".equals(state(id)));
        assertThat(state(id)).isEqualTo(state);
    }

    private String state(UUID id) {
        HttpResponse<String> view = call("GET", "/api/v1/databases/" + id);
        return view.statusCode() == 200 ? JSON.readTree(view.body()).get("state").asString()
                : "HTTP " + view.statusCode();
    }

    private HttpResponse<String> call(String method, String path) {
        return ServiceCalls.on(port).send(method, path, null, tokens.user(owner));
    }
}
