package dev.paas.billing.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.testing.SecuredComponentTest;
import dev.paas.testing.ServiceCalls;
import dev.paas.testing.ServiceComponentTest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The wallet API: an administrator's audited adjustments (bad input refused naming the field, changing nothing),
 * the owner's wallet with its hourly burn, usage per resource and monthly statements as JSON and CSV.
 */
// Accounts start on Pro (0.0274 an hour), so that what runs has a burn rate.
// Closed after the class: its context, on a database of its own, would otherwise keep consuming the test bus's
// events as a replica of other classes' contexts, into the wrong database.
@DirtiesContext
@ServiceComponentTest(database = "paas_billing_test", freshDatabase = true, properties = "paas.billing.default-plan=pro")
class WalletApiIT extends SecuredComponentTest {

    @Autowired
    JdbcTemplate jdbc;

    private final UUID user = UUID.randomUUID();
    private final UUID admin = UUID.randomUUID();

    @Test
    void anAdministratorCreditsAndDebitsAWalletWithAReasonAndItIsAudited() {
        assertThat(adjust("""
                {"amount": "10.00", "currency": "USD", "reason": "welcome credit"}""", null).statusCode())
                .isEqualTo(201);
        HttpResponse<String> debit = adjust("""
                {"amount": "-2.5", "currency": "USD", "reason": "refund reversed"}""", null);
        assertThat(debit.statusCode()).isEqualTo(201);
        assertThat(debit.body()).contains("\"amount\":\"-2.5000\"").contains("\"balanceAfter\":\"7.5000\"");

        String wallet = get("/api/v1/billing/wallet", user).body();
        assertThat(wallet).contains("\"balance\":\"7.5000\"").contains("\"currency\":\"USD\"")
                .contains("adjustment: welcome credit").contains("\"hourlyBurn\":\"0.0000\"");
        assertThat(jdbc.queryForList("select reason from wallet_adjustments where user_id = ? and actor_id = ?",
                String.class, user, admin)).containsExactlyInAnyOrder("welcome credit", "refund reversed");
    }

    @Test
    void refusesBadAmountsCurrenciesAndReasonsNamingTheFieldAndChangesNothing() {
        adjust("""
                {"amount": "1.00", "currency": "USD", "reason": "start"}""", null);
        Map<String, String> bad = Map.of(
                "{\"amount\": \"-0.00\", \"currency\": \"USD\", \"reason\": \"x\"}", "amount",
                "{\"amount\": \"0\", \"currency\": \"USD\", \"reason\": \"x\"}", "amount",
                "{\"amount\": \"1000000.01\", \"currency\": \"USD\", \"reason\": \"x\"}", "amount",
                "{\"amount\": \"ten\", \"currency\": \"USD\", \"reason\": \"x\"}", "amount",
                "{\"amount\": \"1.00001\", \"currency\": \"USD\", \"reason\": \"x\"}", "amount",
                "{\"amount\": \"1e3\", \"currency\": \"USD\", \"reason\": \"x\"}", "amount",
                "{\"currency\": \"USD\", \"reason\": \"x\"}", "amount",
                "{\"amount\": \"5.00\", \"currency\": \"EUR\", \"reason\": \"x\"}", "currency",
                "{\"amount\": \"5.00\", \"currency\": \"USD\", \"reason\": \" \"}", "reason");
        bad.forEach((body, field) -> {
            HttpResponse<String> response = adjust(body, null);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).contains("\"detail\":\"" + field + " ");
        });
        assertThat(get("/api/v1/billing/wallet", user).body()).contains("\"balance\":\"1.0000\"");
        assertThat(jdbc.queryForObject("select count(*) from ledger_entries where user_id = ?", Integer.class, user))
                .isOne();
    }

    @Test
    void onlyAdministratorsAdjustAndARepeatedRequestWithAnIdempotencyKeyBooksOnce() {
        HttpResponse<String> notAdmin = ServiceCalls.on(port).send("POST",
                "/api/v1/admin/billing/wallets/" + user + "/adjustments",
                "{\"amount\": \"100.00\", \"currency\": \"USD\", \"reason\": \"self-service\"}", tokens.user(user));
        assertThat(notAdmin.statusCode()).isEqualTo(403);

        for (int i = 0; i < 3; i++) {
            assertThat(adjust("{\"amount\": \"3.00\", \"currency\": \"USD\", \"reason\": \"goodwill\"}", "ticket-7")
                    .statusCode()).isEqualTo(201);
        }
        assertThat(get("/api/v1/billing/wallet", user).body()).contains("\"balance\":\"3.0000\"");
        assertThat(jdbc.queryForObject("select count(*) from wallet_adjustments where user_id = ?", Integer.class,
                user)).isOne();
    }

    @Test
    void showsUsagePerResourceAndTheHourlyBurnOfWhatRunsAndOnlyToItsOwner() {
        UUID project = UUID.randomUUID();
        Instant hour = Instant.parse("2030-03-01T10:00:00Z");
        for (int i = 0; i < 3; i++) {
            jdbc.update("""
                    insert into metered_hours (kind, resource_id, hour_start, owner_id, name, instances, rate, amount,
                        plan_name) values ('app', ?, ?, ?, null, ?, 0.0100, ?, 'default')""", project,
                    Timestamp.from(hour.plusSeconds(3600L * i)), user, i + 1, 0.01 * (i + 1));
        }
        jdbc.update("""
                insert into container_usage (deployment_id, project_id, owner_id, container_id, memory_bytes,
                    nano_cpus, started_at, stopped_at, version) values (?, ?, ?, 'c1', 1, 1, ?, null, 1)""",
                UUID.randomUUID(), project, user, Timestamp.from(Instant.now().minusSeconds(60)));

        String usage = get("/api/v1/billing/usage?from=2030-03-01&to=2030-03-02", user).body();
        assertThat(usage).contains("\"resourceId\":\"" + project + "\"").contains("\"hours\":3")
                .contains("\"instanceHours\":6").contains("\"maxInstances\":3").contains("\"amount\":\"0.0600\"")
                .contains("\"total\":\"0.0600\"");
        assertThat(get("/api/v1/billing/usage?from=2030-03-01&to=2030-03-02", UUID.randomUUID()).body())
                .contains("\"resources\":[]").doesNotContain(project.toString());
        assertThat(get("/api/v1/billing/wallet", user).body()).contains("\"hourlyBurn\":\"0.0274\"");
        assertThat(get("/api/v1/billing/usage?from=yesterday", user).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/billing/usage?from=2030-03-02&to=2030-03-01", user).statusCode()).isEqualTo(400);
    }

    @Test
    void aMonthlyStatementHasItsOpeningBalanceEntriesAndClosingBalanceAsJsonAndCsv() {
        adjust("{\"amount\": \"20.00\", \"currency\": \"USD\", \"reason\": \"credit, with a comma\"}", null);
        adjust("{\"amount\": \"-4.25\", \"currency\": \"USD\", \"reason\": \"correction\"}", null);
        String month = YearMonth.now(ZoneOffset.UTC).toString();

        HttpResponse<String> json = get("/api/v1/billing/statements/" + month, user);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"openingBalance\":\"0.0000\"").contains("\"closingBalance\":\"15.7500\"")
                .contains("\"month\":\"" + month + "\"");

        HttpResponse<String> csv = get("/api/v1/billing/statements/" + month + "?format=csv", user);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).isEqualTo("date,kind,description,reference,amount,balance,currency");
        assertThat(lines[1]).endsWith("OPENING,opening balance,,,0.0000,USD");
        assertThat(lines[2]).contains("ADJUSTMENT,\"adjustment: credit, with a comma\"").endsWith("20.0000,20.0000,USD");
        assertThat(lines[4]).endsWith("CLOSING,closing balance,,,15.7500,USD");

        String nextMonth = YearMonth.now(ZoneOffset.UTC).plusMonths(1).toString();
        assertThat(get("/api/v1/billing/statements/" + nextMonth, user).body())
                .contains("\"openingBalance\":\"15.7500\"").contains("\"entries\":[]");
        assertThat(get("/api/v1/billing/statements/" + month, UUID.randomUUID()).body())
                .contains("\"closingBalance\":\"0.0000\"").doesNotContain("correction");
        assertThat(get("/api/v1/billing/statements/2026-13", user).statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> adjust(String body, String idempotencyKey) {
        if (idempotencyKey == null) {
            return ServiceCalls.on(port).send("POST", "/api/v1/admin/billing/wallets/" + user + "/adjustments", body,
                    tokens.admin(admin));
        }
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + port + "/api/v1/admin/billing/wallets/" + user + "/adjustments"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + tokens.admin(admin))
                .header("Idempotency-Key", idempotencyKey)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
