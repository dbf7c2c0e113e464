package dev.paas.project.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.billing.AccountLimitsChanged;
import dev.paas.contracts.billing.AccountReinstated;
import dev.paas.contracts.billing.AccountSuspended;
import dev.paas.contracts.webhook.GitPushReceived;
import dev.paas.ids.UuidV7;
import dev.paas.messaging.EventEnvelope;
import dev.paas.project.testing.ProjectServiceIntegrationTest;
import dev.paas.testing.ServiceComponentTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * billing-service's plan limits and suspensions, published on JetStream as billing-service does, enforced on
 * project-service's REST API against PostgreSQL: the app quota of the plan (under the owner's lock), 402 for a
 * suspended account's new work, and newest-event-wins for both.
 */
@ServiceComponentTest(database = "paas_project_limits", freshDatabase = true,
        properties = "paas.messaging.outbox.poll-interval=200ms")
class PlanLimitsIT extends ProjectServiceIntegrationTest {

    private static final UUID FREE = UUID.randomUUID();
    private static final UUID PRO = UUID.randomUUID();
    private static final String SHA = "4f2d8c1e9b7a6d5c4b3a29180f7e6d5c4b3a2918";
    private static final String REASON = "the balance stayed at -0.4200 USD through the 24 h grace period";

    private final UUID owner = UUID.randomUUID();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void refusesTheFourthAppOfTheFreePlanNamingTheLimitAndDeletedAppsDoNotCount() throws Exception {
        createApps(3);
        handled(bus.publish(freePlan(owner)));

        HttpResponse<String> fourth = create("fourth");

        assertThat(fourth.statusCode()).isEqualTo(403);
        assertThat(fourth.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(fourth);
        assertThat(problem.get("title").asString()).isEqualTo("Quota exceeded");
        assertThat(problem.get("detail").asString()).isEqualTo("the free plan allows 3 apps; you have 3");
        assertThat(problem.get("limit").asString()).isEqualTo("maxApps");
        assertThat(problem.get("plan").asString()).isEqualTo("free");
        assertThat(problem.get("allowed").asLong()).isEqualTo(3);
        assertThat(projects()).hasSize(3);

        UUID deleted = UUID.fromString(projects().get(0).get("id").asString());
        assertThat(send("DELETE", "/api/v1/projects/" + deleted, null, tokens.user(owner)).statusCode())
                .isEqualTo(204);
        assertThat(create("instead").statusCode()).isEqualTo(201);
        assertThat(create("fifth").statusCode()).isEqualTo(403);
    }

    @Test
    void anOlderLimitsEventArrivingAfterANewerOneChangesNothing() throws Exception {
        EventEnvelope older = CODEC.envelope(freePlan(owner), null);
        UUID earlierId = UuidV7.next();
        EventEnvelope newer = CODEC.envelope(proPlan(owner), null);
        // Stamped at the same instant as the newer one: the event id (a UUIDv7) decides.
        EventEnvelope sameMomentOlderId = new EventEnvelope(earlierId, older.type(), older.version(),
                newer.occurredAt(), older.aggregateId(), null, older.payload());

        handled(republish(newer));
        handled(republish(older));
        handled(republish(sameMomentOlderId));

        assertThat(jdbc.queryForObject("select plan_name from account_limits where user_id = ?", String.class,
                owner)).isEqualTo("pro");
        createApps(4);
        assertThat(projects()).hasSize(4);
    }

    @Test
    void ofTwoConcurrentCreationsAtTheLimitExactlyOneSucceeds() throws Exception {
        handled(bus.publish(freePlan(owner)));
        createApps(2);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> creation = () -> {
            start.await();
            return create("racer-" + UUID.randomUUID().toString().substring(0, 8)).statusCode();
        };

        List<Integer> statuses;
        try (ExecutorService both = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> racing = List.of(both.submit(creation), both.submit(creation));
            start.countDown();
            statuses = List.of(racing.get(0).get(), racing.get(1).get());
        }

        assertThat(statuses).containsExactlyInAnyOrder(201, 403);
        assertThat(projects()).hasSize(3);
    }

    @Test
    void aSuspendedAccountCreatesAndDeploysNothingUntilReinstatedButReadsChangesAndDeletes() throws Exception {
        handled(bus.publish(freePlan(owner)));
        UUID project = UUID.fromString(createProject(owner, """
                {"name":"held","repoUrl":"https://github.com/acme/held.git","githubRepository":"acme/held",
                 "autoDeploy":true}""").get("id").asString());
        UUID spare = UUID.fromString(createProject(owner, app("spare")).get("id").asString());
        EventEnvelope suspension = bus.publish(new AccountSuspended(owner, "-0.4200", "USD", REASON));
        handled(suspension);

        assertPaymentRequired(create("more"), "create apps");
        assertPaymentRequired(post("/api/v1/projects/" + project + "/deployments", null, owner), "deploy apps");
        assertPaymentRequired(post("/api/v1/projects/" + project + "/deployments", "{\"commitSha\":\"4f2d8c1\"}",
                owner), "deploy apps");
        assertPaymentRequired(post("/api/v1/projects/" + project + "/rollback",
                JSON.writeValueAsString(Map.of("deploymentId", UUID.randomUUID())), owner), "roll back deployments");
        String delivery = UUID.randomUUID().toString();
        bus.publish(new GitPushReceived(delivery, project, "acme/held", "main", SHA, "ship it", "octocat"));
        awaitPushOutcome(delivery, "account-suspended");
        assertThat(json(get("/api/v1/projects/" + project + "/deployments", owner))).isEmpty();
        assertThat(projects()).hasSize(2);

        assertThat(get("/api/v1/projects/" + project, owner).statusCode()).isEqualTo(200);
        HttpResponse<String> changed = patch("/api/v1/projects/" + project, "{\"branch\":\"release\"}", owner);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json(changed).get("branch").asString()).isEqualTo("release");
        assertThat(send("DELETE", "/api/v1/projects/" + spare, null, tokens.user(owner)).statusCode())
                .isEqualTo(204);

        EventEnvelope reinstatement = bus.publish(new AccountReinstated(owner, "4.5800", "USD"));
        handled(reinstatement);
        // billing's suspension delivered again, and a suspension older than the reinstatement, change nothing.
        bus.republish(suspension);
        handled(republish(new EventEnvelope(UUID.randomUUID(), suspension.type(), suspension.version(),
                reinstatement.occurredAt().minusSeconds(1), suspension.aggregateId(), null, suspension.payload())));

        assertThat(create("again").statusCode()).isEqualTo(201);
        assertThat(post("/api/v1/projects/" + project + "/deployments", null, owner).statusCode()).isEqualTo(202);
        String later = UUID.randomUUID().toString();
        bus.publish(new GitPushReceived(later, project, "acme/held", "release", SHA, "ship it", "octocat"));
        awaitPushOutcome(later, "deployed");
    }

    @Test
    void withoutKnownLimitsAnAccountHasNoAppQuota() throws Exception {
        createApps(4);
        assertThat(projects()).hasSize(4);
    }

    private static AccountLimitsChanged freePlan(UUID user) {
        return new AccountLimitsChanged(user, FREE, "free", 500, 512, 1024, 1, 3,
                Map.of("postgresql", 1, "mysql", 1, "redis", 1, "mongodb", 1), 1024, List.of());
    }

    private static AccountLimitsChanged proPlan(UUID user) {
        return new AccountLimitsChanged(user, PRO, "pro", 2000, 2048, 10240, 3, 10,
                Map.of("postgresql", 3, "mysql", 3, "redis", 3, "mongodb", 3), 10240, List.of());
    }

    private void assertPaymentRequired(HttpResponse<String> response, String action) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(402);
        assertThat(json(response).get("detail").asString())
                .isEqualTo("your account is suspended (" + REASON + "): top up to " + action + " again");
    }

    private EventEnvelope republish(EventEnvelope envelope) throws Exception {
        bus.republish(envelope);
        return envelope;
    }

    /** Waits until project-service's inbox recorded the event as handled. */
    private void handled(EventEnvelope envelope) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where event_id = ?", Integer.class, envelope.id()) == 1);
    }

    private void awaitPushOutcome(String deliveryId, String outcome) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "select outcome from push_deliveries where delivery_id = ?", String.class, deliveryId),
                outcomes -> outcomes.equals(List.of(outcome)));
    }

    private void createApps(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            createProject(owner, app("app-" + i + "-" + UUID.randomUUID().toString().substring(0, 8)));
        }
    }

    private HttpResponse<String> create(String name) throws Exception {
        return post("/api/v1/projects", app(name), owner);
    }

    private static String app(String name) {
        return JSON.writeValueAsString(Map.of("name", name,
                "repoUrl", "https://github.com/acme/" + name + ".git"));
    }

    private List<JsonNode> projects() throws Exception {
        List<JsonNode> all = new ArrayList<>();
        json(get("/api/v1/projects", owner)).forEach(all::add);
        return all;
    }
}
