package dev.paas.billing.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.testing.SecuredComponentTest;
import dev.paas.testing.ServiceCalls;
import dev.paas.testing.ServiceComponentTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Figures at the scale of the hourly run: metering asks {@link AccountPlans#termsAt} once per resource and hour, and
 * an administrator's revision of a plan tells every account on it. 10,000 accounts, each with a plan history.
 */
// Closed after the class: its context, on a database of its own, would otherwise keep consuming the test bus's
// events as a replica of other classes' contexts, into the wrong database.
@DirtiesContext
@ServiceComponentTest(database = "paas_billing_test", freshDatabase = true)
class PlanFiguresIT extends SecuredComponentTest {

    private static final Log log = LogFactory.getLog(PlanFiguresIT.class);
    private static final int ACCOUNTS = 10_000;
    private static final UUID FREE = UUID.fromString("00000000-0000-7000-8000-00000000f4ee");
    private static final UUID PRO = UUID.fromString("00000000-0000-7000-8000-000000000960");

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    private AccountPlans accountPlans;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void looksUpTheTermsOf10000AccountsAndTellsThemAllOfARevisedPlan() {
        List<UUID> users = accounts();
        jdbc.batchUpdate("insert into billing_accounts (user_id, first_seen_at) values (?, '2026-01-01T00:00:00Z')",
                users, 1000, (ps, user) -> ps.setObject(1, user));
        jdbc.batchUpdate("""
                insert into account_plans (user_id, effective_from, plan_id, chosen_at)
                values (?, '2026-01-01T00:00:00Z', ?, '2026-01-01T00:00:00Z')""", users, 1000, (ps, user) -> {
            ps.setObject(1, user);
            ps.setObject(2, FREE);
        });
        // every other account moved to Pro on June 1st
        jdbc.batchUpdate("""
                insert into account_plans (user_id, effective_from, plan_id, chosen_at)
                values (?, '2026-06-01T00:00:00Z', ?, '2026-05-31T23:10:00Z')""", users.subList(0, ACCOUNTS / 2),
                1000, (ps, user) -> {
                    ps.setObject(1, user);
                    ps.setObject(2, PRO);
                });

        Instant hour = Instant.parse("2026-07-01T10:00:00Z");
        long started = System.nanoTime();
        for (int i = 0; i < ACCOUNTS; i++) {
            PlanTerms terms = accountPlans.termsAt(users.get(i), hour);
            assertThat(terms.hourlyRate()).isEqualTo(i < ACCOUNTS / 2 ? new BigDecimal("0.0274")
                    : new BigDecimal("0.0000"));
        }
        Duration lookups = Duration.ofNanos(System.nanoTime() - started);
        log.info("figure: termsAt for " + ACCOUNTS + " accounts, one after the other: " + lookups.toMillis() + " ms ("
                + lookups.toNanos() / ACCOUNTS / 1000 + " µs each)");

        UUID admin = UUID.randomUUID();
        Map<String, Object> plan = plan(2);
        HttpResponse<String> created = send("POST", "/api/v1/admin/plans", plan, tokens.admin(admin));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID planId = UUID.fromString(json.readTree(created.body()).get("id").asString());
        jdbc.batchUpdate("""
                insert into account_plans (user_id, effective_from, plan_id, chosen_at)
                values (?, '2026-08-01T00:00:00Z', ?, '2026-07-31T12:00:00Z')""", users, 1000, (ps, user) -> {
            ps.setObject(1, user);
            ps.setObject(2, planId);
        });

        started = System.nanoTime();
        HttpResponse<String> revised = send("PUT", "/api/v1/admin/plans/" + planId, plan(3), tokens.admin(admin));
        Duration revision = Duration.ofNanos(System.nanoTime() - started);
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("""
                select count(distinct aggregate_id) from outbox_event
                where envelope::jsonb->>'type' = 'billing.account-limits-changed'
                and envelope::jsonb->'payload'->>'planId' = ?""", Integer.class, planId.toString()))
                .isEqualTo(ACCOUNTS);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.queryForObject(
                "select count(*) from outbox_event where published_at is null", Integer.class) == 0);
        Duration published = Duration.ofNanos(System.nanoTime() - started);
        log.info("figure: revising a plan " + ACCOUNTS + " accounts are on: " + revision.toMillis()
                + " ms to commit the revision with its " + ACCOUNTS + " AccountLimitsChanged, " + published.toMillis()
                + " ms until the relay had published them all");
    }

    private static List<UUID> accounts() {
        return java.util.stream.IntStream.range(0, ACCOUNTS).mapToObj(i -> UUID.randomUUID()).toList();
    }

    private Map<String, Object> plan(int maxInstances) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "business");
        body.put("cpuMillis", 4000);
        body.put("memoryMb", 4096);
        body.put("diskMb", 20480);
        body.put("maxInstances", maxInstances);
        body.put("maxApps", 20);
        body.put("maxDatabasesPerType", Map.of("postgresql", 5, "mysql", 5, "redis", 5, "mongodb", 5));
        body.put("databaseDiskMb", 20480);
        body.put("allowedRuntimes", List.of());
        body.put("monthlyPrice", "50.00");
        return body;
    }

    private HttpResponse<String> send(String method, String path, Object body, String token) {
        return ServiceCalls.on(port).send(method, path, json.writeValueAsString(body), token);
    }
}
