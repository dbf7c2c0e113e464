package dev.paas.billing.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.project.ProjectCreated;
import dev.paas.messaging.testing.EventBus;
import dev.paas.testing.SecuredComponentTest;
import dev.paas.testing.ServiceCalls;
import dev.paas.testing.ServiceComponentTest;
import io.nats.client.Dispatcher;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Plans against the real database and bus: the defaults, administrators' management (validated, audited, a plan in
 * use only retired), a user's change of plan from the next full hour, and {@code AccountLimitsChanged} on the bus
 * when an account is first seen, changes plan, or its plan is revised. Time is the test's clock.
 */
// Closed after the class: its context, on a database of its own, would otherwise keep consuming the test bus's
// events as a replica of other classes' contexts, into the wrong database.
@DirtiesContext
@ServiceComponentTest(database = "paas_billing_test", freshDatabase = true)
class PlansIT extends SecuredComponentTest {

    private static final UUID FREE = UUID.fromString("00000000-0000-7000-8000-00000000f4ee");
    private static final UUID PRO = UUID.fromString("00000000-0000-7000-8000-000000000960");
    private static final Instant HALF_PAST_TEN = Instant.parse("2026-12-01T10:30:00Z");
    private static final Instant ELEVEN = Instant.parse("2026-12-01T11:00:00Z");

    private final EventBus bus = EventBus.shared();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Queue<JsonNode> limitsChanged = new ConcurrentLinkedQueue<>();
    private final UUID admin = UUID.randomUUID();
    private Dispatcher dispatcher;

    @Autowired
    private TestClock clock;
    @Autowired
    private AccountPlans accountPlans;
    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void listenToTheBillingEvents() {
        clock.set(HALF_PAST_TEN);
        dispatcher = bus.client().createDispatcher(message -> limitsChanged.add(json.readTree(message.getData())));
        dispatcher.subscribe("paas.billing.account-limits-changed.v1");
    }

    @AfterEach
    void stopListening() {
        bus.client().closeDispatcher(dispatcher);
    }

    @Test
    void offersFreeAndProOutOfTheBox() {
        JsonNode plans = json.readTree(get("/api/v1/billing/plans", UUID.randomUUID()).body());

        JsonNode free = plan(plans, "free");
        JsonNode pro = plan(plans, "pro");
        assertThat(free.get("id").asString()).isEqualTo(FREE.toString());
        assertThat(free.get("cpuMillis").asInt()).isEqualTo(500);
        assertThat(free.get("memoryMb").asInt()).isEqualTo(512);
        assertThat(free.get("databaseDiskMb").asInt()).isEqualTo(1024);
        assertThat(free.get("maxDatabasesPerType").get("postgresql").asInt()).isEqualTo(1);
        assertThat(free.get("hourlyRate").asString()).isEqualTo("0.0000");
        assertThat(pro.get("cpuMillis").asInt()).isEqualTo(2000);
        assertThat(pro.get("memoryMb").asInt()).isEqualTo(2048);
        assertThat(pro.get("maxInstances").asInt()).isEqualTo(3);
        assertThat(pro.get("databaseDiskMb").asInt()).isEqualTo(10240);
        assertThat(pro.get("monthlyPrice").asString()).isEqualTo("20.0000");
        assertThat(pro.get("hourlyRate").asString()).isEqualTo("0.0274");
    }

    @Test
    void putsTheOwnerOfANewProjectOnTheDefaultPlanOnceAndPublishesItsLimits() throws Exception {
        UUID owner = UUID.randomUUID();
        bus.publish(new ProjectCreated(UUID.randomUUID(), "shop-" + owner, owner, null, null, null));
        bus.publish(new ProjectCreated(UUID.randomUUID(), "blog-" + owner, owner, null, null, null));

        await().atMost(Duration.ofSeconds(20)).until(() -> !eventsOf(owner).isEmpty());
        JsonNode limits = eventsOf(owner).getFirst();
        assertThat(limits.get("planId").asString()).isEqualTo(FREE.toString());
        assertThat(limits.get("planName").asString()).isEqualTo("free");
        assertThat(limits.get("cpuMillis").asInt()).isEqualTo(500);
        assertThat(limits.get("maxApps").asInt()).isEqualTo(3);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> eventsOf(owner).size() == 1);
        assertThat(jdbc.queryForObject("select count(*) from account_plans where user_id = ?", Integer.class, owner))
                .isEqualTo(1);
    }

    @Test
    void aChangeOfPlanIsChargedFromTheNextFullHourAndItsLimitsArePublishedAtOnce() {
        UUID user = UUID.randomUUID();

        HttpResponse<String> chosen = send("PUT", "/api/v1/billing/plan", Map.of("planId", PRO), tokens.user(user));

        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
        JsonNode plan = json.readTree(chosen.body());
        assertThat(plan.get("name").asString()).isEqualTo("free");
        assertThat(plan.get("next").get("name").asString()).isEqualTo("pro");
        assertThat(Instant.parse(plan.get("next").get("effectiveFrom").asString())).isEqualTo(ELEVEN);
        assertThat(accountPlans.termsAt(user, ELEVEN.minusMillis(1)))
                .isEqualTo(new PlanTerms(FREE, "free", new BigDecimal("0.0000")));
        assertThat(accountPlans.termsAt(user, ELEVEN)).isEqualTo(new PlanTerms(PRO, "pro", new BigDecimal("0.0274")));
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsOf(user).stream()
                .anyMatch(event -> event.get("planName").asString().equals("pro")));

        clock.set(ELEVEN.plusSeconds(60));
        JsonNode later = json.readTree(get("/api/v1/billing/plan", user).body());
        assertThat(later.get("name").asString()).isEqualTo("pro");
        assertThat(Instant.parse(later.get("since").asString())).isEqualTo(ELEVEN);
        assertThat(later.get("next").isNull()).isTrue();
    }

    @Test
    void choosingTheCurrentPlanAgainWithinTheHourCancelsThePendingChange() {
        UUID user = UUID.randomUUID();
        send("PUT", "/api/v1/billing/plan", Map.of("planId", PRO), tokens.user(user));

        HttpResponse<String> back = send("PUT", "/api/v1/billing/plan", Map.of("planId", FREE), tokens.user(user));

        assertThat(json.readTree(back.body()).get("next").isNull()).isTrue();
        assertThat(accountPlans.termsAt(user, ELEVEN).planId()).isEqualTo(FREE);
    }

    @Test
    void anUnseenAccountIsChargedAsTheDefaultPlan() {
        assertThat(accountPlans.termsAt(UUID.randomUUID(), HALF_PAST_TEN))
                .isEqualTo(new PlanTerms(FREE, "free", new BigDecimal("0.0000")));
    }

    @Test
    void refusesAnUnknownPlanARetiredOneAndABodyWithoutAPlan() {
        UUID user = UUID.randomUUID();
        UUID retired = created(planBody("retired-" + shortId(), "5.00")).id();
        send("POST", "/api/v1/admin/plans/" + retired + "/retire", null, tokens.admin(admin));

        assertThat(send("PUT", "/api/v1/billing/plan", Map.of("planId", UUID.randomUUID()), tokens.user(user))
                .statusCode()).isEqualTo(404);
        HttpResponse<String> toRetired = send("PUT", "/api/v1/billing/plan", Map.of("planId", retired),
                tokens.user(user));
        assertThat(toRetired.statusCode()).isEqualTo(409);
        assertThat(toRetired.body()).contains("RETIRED");
        HttpResponse<String> empty = send("PUT", "/api/v1/billing/plan", Map.of(), tokens.user(user));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("planId");
        HttpResponse<String> malformed = send("PUT", "/api/v1/billing/plan", Map.of("planId", "pro"),
                tokens.user(user));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("planId");
    }

    @Test
    void managesAPlanAndAuditsEachChangeWithItsAdministrator() {
        String name = "team-" + shortId();
        Created plan = created(planBody(name, "36.50"));
        assertThat(plan.body().get("hourlyRate").asString()).isEqualTo("0.0500");
        assertThat(plan.body().get("status").asString()).isEqualTo("ACTIVE");

        Map<String, Object> revised = planBody(name, "73.00");
        revised.put("memoryMb", 4096);
        HttpResponse<String> put = send("PUT", "/api/v1/admin/plans/" + plan.id(), revised, tokens.admin(admin));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(json.readTree(put.body()).get("memoryMb").asInt()).isEqualTo(4096);
        HttpResponse<String> retired = send("POST", "/api/v1/admin/plans/" + plan.id() + "/retire", null,
                tokens.admin(admin));
        assertThat(json.readTree(retired.body()).get("status").asString()).isEqualTo("RETIRED");
        assertThat(names(get("/api/v1/billing/plans", UUID.randomUUID()))).doesNotContain(name);
        assertThat(names(get("/api/v1/admin/plans", tokens.admin(admin)))).contains(name);
        assertThat(send("DELETE", "/api/v1/admin/plans/" + plan.id(), null, tokens.admin(admin)).statusCode())
                .isEqualTo(204);
        assertThat(get("/api/v1/admin/plans/" + plan.id(), tokens.admin(admin)).statusCode()).isEqualTo(404);

        JsonNode audit = json.readTree(get("/api/v1/admin/plans/" + plan.id() + "/audit", tokens.admin(admin)).body());
        assertThat(audit.valueStream().map(entry -> entry.get("action").asString()).toList())
                .containsExactlyInAnyOrder("CREATED", "UPDATED", "RETIRED", "DELETED");
        assertThat(audit.valueStream().map(entry -> entry.get("actorId").asString()).distinct().toList())
                .containsExactly(admin.toString());
        assertThat(audit.valueStream().filter(entry -> entry.get("action").asString().equals("UPDATED")).findFirst()
                .orElseThrow().get("plan").get("limits").get("memoryMb").asInt()).isEqualTo(4096);
    }

    @Test
    void refusesAnInvalidPlanNamingEveryFieldAtFaultAndCreatesNothing() {
        Map<String, Object> body = planBody("Bad Name", "-1");
        body.put("cpuMillis", 0);
        body.remove("maxApps");
        body.put("maxDatabasesPerType", Map.of("oracle", 1));
        body.put("hourlyRate", "0.00001");
        int before = jdbc.queryForObject("select count(*) from plans", Integer.class);

        HttpResponse<String> response = send("POST", "/api/v1/admin/plans", body, tokens.admin(admin));

        assertThat(response.statusCode()).isEqualTo(400);
        List<String> fields = json.readTree(response.body()).get("errors").valueStream()
                .map(error -> error.get("field").asString()).toList();
        assertThat(fields).contains("name", "cpuMillis", "maxApps", "monthlyPrice", "hourlyRate");
        assertThat(fields).anyMatch(field -> field.startsWith("maxDatabasesPerType"));
        assertThat(jdbc.queryForObject("select count(*) from plans", Integer.class)).isEqualTo(before);
    }

    @Test
    void refusesAbsurdPricesAndTakenNames() {
        HttpResponse<String> absurd = send("POST", "/api/v1/admin/plans", planBody("absurd-" + shortId(), "5000000"),
                tokens.admin(admin));
        assertThat(absurd.statusCode()).isEqualTo(400);
        assertThat(absurd.body()).contains("monthlyPrice must be at most 1000000");

        HttpResponse<String> taken = send("POST", "/api/v1/admin/plans", planBody("pro", "1.00"), tokens.admin(admin));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("cannot name a plan pro");
    }

    @Test
    void aPlanInUseCannotBeDeletedOnlyRetiredAndTheDefaultPlanNeither() {
        Created plan = created(planBody("used-" + shortId(), "10.00"));
        send("PUT", "/api/v1/billing/plan", Map.of("planId", plan.id()), tokens.user(UUID.randomUUID()));

        HttpResponse<String> delete = send("DELETE", "/api/v1/admin/plans/" + plan.id(), null, tokens.admin(admin));

        assertThat(delete.statusCode()).isEqualTo(409);
        assertThat(delete.body()).contains("it is in use, 1 account is or was on it",
                "/api/v1/admin/plans/" + plan.id() + "/retire");
        assertThat(send("POST", "/api/v1/admin/plans/" + plan.id() + "/retire", null, tokens.admin(admin))
                .statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/v1/admin/plans/" + FREE, null, tokens.admin(admin)).statusCode())
                .isEqualTo(409);
        assertThat(send("POST", "/api/v1/admin/plans/" + FREE + "/retire", null, tokens.admin(admin)).body())
                .contains("it is the default plan");
    }

    @Test
    void revisingAPlanTellsEveryAccountOnItAndChangesItsPriceFromTheNextFullHour() {
        String name = "shared-" + shortId();
        Created plan = created(planBody(name, "7.30"));
        List<UUID> users = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        users.forEach(user -> send("PUT", "/api/v1/billing/plan", Map.of("planId", plan.id()), tokens.user(user)));
        UUID elsewhere = UUID.randomUUID();
        send("PUT", "/api/v1/billing/plan", Map.of("planId", PRO), tokens.user(elsewhere));

        Map<String, Object> revised = planBody(name, "14.60");
        revised.put("maxInstances", 4);
        clock.set(ELEVEN.plusSeconds(1800));
        assertThat(send("PUT", "/api/v1/admin/plans/" + plan.id(), revised, tokens.admin(admin)).statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> users.stream().allMatch(user -> eventsOf(user).stream()
                .anyMatch(event -> event.get("maxInstances").asInt() == 4)));
        assertThat(eventsOf(elsewhere)).noneMatch(event -> event.get("planId").asString().equals(plan.id()
                .toString()));
        Instant noon = Instant.parse("2026-12-01T12:00:00Z");
        assertThat(accountPlans.termsAt(users.getFirst(), noon.minusMillis(1)).hourlyRate())
                .isEqualTo(new BigDecimal("0.0100"));
        assertThat(accountPlans.termsAt(users.getFirst(), noon).hourlyRate()).isEqualTo(new BigDecimal("0.0200"));
    }

    @Test
    void onlyAdministratorsManagePlans() {
        UUID user = UUID.randomUUID();
        assertThat(get("/api/v1/admin/plans", user).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/admin/plans", planBody("mine-" + shortId(), "0"), tokens.user(user))
                .statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/api/v1/admin/plans/" + PRO, null, tokens.user(user)).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/billing/plans", (UUID) null).statusCode()).isEqualTo(401);
    }

    private Created created(Map<String, Object> body) {
        HttpResponse<String> response = send("POST", "/api/v1/admin/plans", body, tokens.admin(admin));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode plan = json.readTree(response.body());
        return new Created(UUID.fromString(plan.get("id").asString()), plan);
    }

    private Map<String, Object> planBody(String name, String monthlyPrice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("cpuMillis", 1000);
        body.put("memoryMb", 1024);
        body.put("diskMb", 4096);
        body.put("maxInstances", 2);
        body.put("maxApps", 5);
        body.put("maxDatabasesPerType", Map.of("postgresql", 2, "redis", 1));
        body.put("databaseDiskMb", 4096);
        body.put("allowedRuntimes", List.of("node", "python"));
        body.put("monthlyPrice", monthlyPrice);
        return body;
    }

    private HttpResponse<String> send(String method, String path, Object body, String token) {
        return ServiceCalls.on(port).send(method, path, body == null ? null : json.writeValueAsString(body), token);
    }

    private List<JsonNode> eventsOf(UUID user) {
        return limitsChanged.stream().map(envelope -> envelope.get("payload"))
                .filter(payload -> payload.get("userId").asString().equals(user.toString())).toList();
    }

    private List<String> names(HttpResponse<String> response) {
        return json.readTree(response.body()).valueStream().map(plan -> plan.get("name").asString()).toList();
    }

    private static JsonNode plan(JsonNode plans, String name) {
        return plans.valueStream().filter(plan -> plan.get("name").asString().equals(name)).findFirst().orElseThrow();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private record Created(UUID id, JsonNode body) {
    }

    /** Time as the test sets it. */
    static final class TestClock extends Clock {

        private volatile Instant now = HALF_PAST_TEN;

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        TestClock plansTestClock() {
            return new TestClock();
        }
    }
}
