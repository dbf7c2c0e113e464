package dev.paas.database.databases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.billing.AccountLimitsChanged;
import dev.paas.contracts.billing.AccountReinstated;
import dev.paas.contracts.billing.AccountSuspended;
import dev.paas.database.accounts.Accounts;
import dev.paas.database.engine.DatabaseSpec;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.EventBus;
import dev.paas.testing.ServiceCalls;
import dev.paas.testing.ServiceComponentTest;
import dev.paas.tokens.testing.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The owner's plan, as billing announces it (AccountLimitsChanged) and suspends the account, against Docker,
 * PostgreSQL and JetStream: how many databases of a type it may have, the disk quota of each (existing ones take a
 * changed quota, which the supervisor enforces), no creation while suspended, and a late older event changing
 * nothing.
 */
@ServiceComponentTest(database = "paas_database_limits", freshDatabase = true)
class PlanLimitsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventCodec CODEC = new EventCodec();
    private static final Duration SOON = Duration.ofSeconds(90);
    private static final long MIB = 1024L * 1024;

    private static EventBus bus;
    private static TestTokens tokens;

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    private final List<UUID> owners = new ArrayList<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        bus = EventBus.shared();
        tokens = TestTokens.registerWith(registry);
    }

    @AfterEach
    void removeContainers() {
        for (UUID owner : owners) {
            DatabasesIT.deleteAll(port, owner);
            DockerCli.removeEverythingOf(owner, "paas-user-" + owner.toString().replace("-", "").substring(0, 12));
        }
    }

    @Test
    void theProPlanAllowsASecondPostgresqlWhereTheFreePlanRefusesIt() throws Exception {
        UUID pro = owner();
        UUID free = owner();
        announce(pro(pro));
        announce(free(free));

        assertThat(create(pro, "postgresql", "shop").statusCode()).isEqualTo(202);
        HttpResponse<String> second = create(pro, "postgresql", "shop-archive");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(202);
        assertThat(json(second).get("diskQuotaBytes").asLong()).isEqualTo(10240 * MIB);
        HttpResponse<String> notInPlan = create(pro, "mysql", "legacy");
        assertThat(notInPlan.statusCode()).isEqualTo(403);
        assertThat(json(notInPlan).get("detail").asString())
                .isEqualTo("the pro plan allows no mysql databases; you have 0");

        HttpResponse<String> first = create(free, "postgresql", "shop");
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(json(first).get("diskQuotaBytes").asLong()).isEqualTo(1024 * MIB);
        HttpResponse<String> refused = create(free, "postgresql", "shop-archive");
        assertThat(refused.statusCode()).isEqualTo(403);
        JsonNode problem = json(refused);
        assertThat(problem.get("title").asString()).isEqualTo("Quota exceeded");
        assertThat(problem.get("detail").asString()).isEqualTo("the free plan allows 1 postgresql database; you have 1");
        assertThat(problem.get("limit").asString()).isEqualTo("maxDatabasesPerType");
        assertThat(problem.get("plan").asString()).isEqualTo("free");
        assertThat(problem.get("allowed").asLong()).isEqualTo(1);
        assertThat(list(free)).hasSize(1);
    }

    @Test
    void aLimitsChangeGivesTheOwnersDatabasesTheNewQuotaWhichTheSupervisorEnforces() throws Exception {
        UUID owner = owner();
        announce(free(owner));
        UUID id = id(create(owner, "postgresql", "shop"));
        awaitState(owner, id, "RUNNING");
        assertThat(view(owner, id).get("quotaExceeded").asBoolean()).isFalse();

        EventEnvelope tiny = announce(new AccountLimitsChanged(owner, UUID.randomUUID(), "tiny", 500, 512, 1024, 1, 3,
                Map.of("postgresql", 1), 1, List.of()));

        await().atMost(SOON).until(() -> view(owner, id).get("diskQuotaBytes").asLong() == MIB);
        await().alias("its data is over the new quota: writes are refused").atMost(SOON)
                .until(() -> view(owner, id).get("quotaExceeded").asBoolean());

        announce(free(owner));

        await().atMost(SOON).until(() -> view(owner, id).get("diskQuotaBytes").asLong() == 1024 * MIB);
        await().alias("below 95 % of the restored quota writes are allowed again").atMost(SOON)
                .until(() -> !view(owner, id).get("quotaExceeded").asBoolean());
        bus.republish(tiny);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> view(owner, id).get("diskQuotaBytes").asLong() == 1024 * MIB);
    }

    @Test
    void anOlderLimitsEventArrivingLateChangesNothing() throws Exception {
        UUID owner = owner();
        EventEnvelope newer = announce(pro(owner));
        EventEnvelope older = new EventEnvelope(UUID.randomUUID(), newer.type(), newer.version(),
                newer.occurredAt().minusSeconds(60), owner.toString(), null, CODEC.envelope(free(owner), null)
                .payload());

        bus.republish(older);

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> accounts.limitsOf(owner).orElseThrow().planName().equals("pro"));
        assertThat(create(owner, "postgresql", "shop").statusCode()).isEqualTo(202);
        HttpResponse<String> second = create(owner, "postgresql", "shop-archive");
        assertThat(second.statusCode()).as("the pro plan still applies: " + second.body()).isEqualTo(202);
        assertThat(json(second).get("diskQuotaBytes").asLong()).isEqualTo(10240 * MIB);
    }

    @Test
    void aSuspendedAccountCreatesNoDatabaseEvenWithNoneAtItsSuspension() throws Exception {
        UUID owner = owner();
        announce(free(owner));
        bus.publish(new AccountSuspended(owner, "-0.5000", "USD", "the balance stayed negative through the grace"));
        await().atMost(SOON).until(() -> accounts.suspended(owner));

        HttpResponse<String> refused = create(owner, "redis", "cache");

        assertThat(refused.statusCode()).isEqualTo(402);
        assertThat(json(refused).get("detail").asString()).isEqualTo("cannot create database cache: your account is "
                + "suspended (its balance is due); top up to create databases again");
        assertThat(list(owner)).isEmpty();

        bus.publish(new AccountReinstated(owner, "4.5000", "USD"));
        await().atMost(SOON).until(() -> !accounts.suspended(owner));
        assertThat(create(owner, "redis", "cache").statusCode()).isEqualTo(202);
    }

    @Test
    void aDatabaseProvisionedWhileItsAccountIsSuspendedIsHeldAndStartsOnReinstatement() throws Exception {
        UUID owner = owner();
        announce(free(owner));
        UUID id = id(create(owner, "postgresql", "shop"));

        bus.publish(new AccountSuspended(owner, "-0.5000", "USD", "the balance stayed negative through the grace"));
        await().atMost(SOON).until(() -> accounts.suspended(owner));
        assertThat(state(owner, id)).as("suspended while it is provisioning").isEqualTo("PROVISIONING");

        awaitState(owner, id, "STOPPED");
        assertThat(view(owner, id).get("reason").asString()).isEqualTo("suspended: its account's balance is due");
        await().atMost(SOON).until(() -> !DockerCli.running(DatabaseSpec.containerNameOf(id)));
        HttpResponse<String> start = call(owner, "POST", "/api/v1/databases/" + id + "/start");
        assertThat(start.statusCode()).isEqualTo(402);
        assertThat(json(start).get("detail").asString()).contains("your account is suspended");

        bus.publish(new AccountReinstated(owner, "4.5000", "USD"));

        awaitState(owner, id, "RUNNING");
        await().atMost(SOON).until(() -> DockerCli.running(DatabaseSpec.containerNameOf(id)));
    }

    private UUID owner() {
        UUID owner = UUID.randomUUID();
        owners.add(owner);
        return owner;
    }

    private static AccountLimitsChanged free(UUID owner) {
        return new AccountLimitsChanged(owner, UUID.randomUUID(), "free", 500, 512, 1024, 1, 3,
                Map.of("postgresql", 1, "mysql", 1, "redis", 1, "mongodb", 1), 1024, List.of());
    }

    private static AccountLimitsChanged pro(UUID owner) {
        return new AccountLimitsChanged(owner, UUID.randomUUID(), "pro", 2000, 2048, 10240, 3, 10,
                Map.of("postgresql", 3, "redis", 3, "mongodb", 3), 10240, List.of());
    }

    /** Publishes the limits as billing would and waits until database-service keeps them. */
    private EventEnvelope announce(AccountLimitsChanged limits) throws Exception {
        EventEnvelope envelope = bus.publish(limits);
        await().atMost(SOON).until(() -> accounts.limitsOf(limits.userId())
                .filter(known -> known.planName().equals(limits.planName())
                        && known.databaseDiskMb() == limits.databaseDiskMb()).isPresent());
        return envelope;
    }

    private HttpResponse<String> create(UUID owner, String type, String name) {
        return ServiceCalls.on(port).send("POST", "/api/v1/databases",
                JSON.writeValueAsString(Map.of("type", type, "name", name)), tokens.user(owner));
    }

    private static UUID id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        return UUID.fromString(json(created).get("id").asString());
    }

    private void awaitState(UUID owner, UUID id, String state) {
        await().atMost(SOON).pollInterval(Duration.ofMillis(300))
                .until(() -> state.equals(state(owner, id)) || "FAILED".equals(state(owner, id)));
        assertThat(state(owner, id)).isEqualTo(state);
    }

    private String state(UUID owner, UUID id) {
        return view(owner, id).get("state").asString();
    }

    private JsonNode view(UUID owner, UUID id) {
        HttpResponse<String> view = call(owner, "GET", "/api/v1/databases/" + id);
        assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
        return json(view);
    }

    private JsonNode list(UUID owner) {
        return json(call(owner, "GET", "/api/v1/databases"));
    }

    private HttpResponse<String> call(UUID owner, String method, String path) {
        return ServiceCalls.on(port).send(method, path, null, tokens.user(owner));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
