package dev.paas.billing.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.billing.wallets.Wallets;
import dev.paas.fakestripe.CheckoutSession;
import dev.paas.fakestripe.Delivery;
import dev.paas.fakestripe.FakeStripe;
import dev.paas.testing.SecuredComponentTest;
import dev.paas.testing.ServiceCalls;
import dev.paas.testing.ServiceComponentTest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Top-ups against the fake Stripe, end to end inside billing-service: the API opens a Checkout Session, the fake
 * "pays" it and delivers the signed webhook to {@code /webhooks/stripe} (without a platform token), and the wallet is
 * credited once, however often the webhook comes; tampered, wrongly signed or old deliveries change nothing.
 */
// Closed after the class: its context, on a database of its own, would otherwise keep consuming the test bus's
// events as a replica of other classes' contexts, into the wrong database.
@DirtiesContext
@ServiceComponentTest(database = "paas_billing_test", freshDatabase = true)
class StripeTopUpIT extends SecuredComponentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final FakeStripe STRIPE = FakeStripe.start();

    @Autowired
    Wallets wallets;

    @Autowired
    JdbcTemplate jdbc;

    private final UUID user = UUID.randomUUID();

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        registry.add("paas.billing.stripe.api-url", STRIPE::apiUrl);
        registry.add("paas.billing.stripe.secret-key", STRIPE::secretKey);
        registry.add("paas.billing.stripe.webhook-secret", STRIPE::webhookSecret);
        registry.add("paas.billing.stripe.success-url", () -> "http://127.0.0.1:1/billing?topup=paid");
        registry.add("paas.billing.stripe.cancel-url", () -> "http://127.0.0.1:1/billing?topup=cancelled");
    }

    @AfterAll
    static void stopStripe() {
        STRIPE.close();
    }

    @BeforeEach
    void deliverToThisService() {
        STRIPE.webhookUrl(webhookUrl());
    }

    @Test
    void aPaidCheckoutSessionCreditsTheWalletOnce() throws Exception {
        HttpResponse<String> created = topUp("{\"amount\":\"10.00\",\"currency\":\"USD\"}", user);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode topUp = JSON.readTree(created.body());
        String sessionId = topUp.get("sessionId").asString();
        assertThat(topUp.get("status").asString()).isEqualTo("PENDING");
        assertThat(topUp.get("amount").asString()).isEqualTo("10.00");
        assertThat(topUp.get("url").asString()).isEqualTo(STRIPE.apiUrl() + "/checkout/" + sessionId);
        CheckoutSession session = STRIPE.session(sessionId).orElseThrow();
        assertThat(session.form()).containsEntry("mode", "payment")
                .containsEntry("line_items[0][price_data][unit_amount]", "1000")
                .containsEntry("line_items[0][price_data][currency]", "usd")
                .containsEntry("client_reference_id", user.toString())
                .containsEntry("metadata[top_up_id]", topUp.get("id").asString())
                .containsEntry("success_url", "http://127.0.0.1:1/billing?topup=paid");
        assertThat(balance()).isEqualByComparingTo("0");

        Delivery delivery = STRIPE.pay(sessionId);

        assertThat(delivery.status()).as(delivery.response()).isEqualTo(200);
        assertThat(JSON.readTree(delivery.response()).get("outcome").asString()).isEqualTo("credited");
        assertThat(balance()).isEqualTo(new BigDecimal("10.0000"));
        assertThat(wallets.find("stripe:" + sessionId)).hasValueSatisfying(entry -> {
            assertThat(entry.userId()).isEqualTo(user);
            assertThat(entry.amount()).isEqualTo(new BigDecimal("10.0000"));
            assertThat(entry.kind().name()).isEqualTo("TOP_UP");
        });
        JsonNode after = JSON.readTree(get("/api/v1/billing/topups/" + topUp.get("id").asString(), user).body());
        assertThat(after.get("status").asString()).isEqualTo("PAID");
        assertThat(after.get("amountPaid").asString()).isEqualTo("10.0000");
        assertThat(after.get("url").isNull()).isTrue();
    }

    @Test
    void theSameWebhookDeliveredThreeTimesCreditsOnce() throws Exception {
        String sessionId = openSession("7.25");

        Delivery first = STRIPE.pay(sessionId);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Delivery>> replays = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            replays.add(pool.submit(() -> STRIPE.redeliver(first)));
        }
        List<Integer> statuses = new ArrayList<>(List.of(first.status()));
        for (Future<Delivery> replay : replays) {
            statuses.add(replay.get(30, TimeUnit.SECONDS).status());
        }
        pool.shutdown();

        assertThat(statuses).containsExactly(200, 200, 200);
        assertThat(balance()).isEqualTo(new BigDecimal("7.2500"));
        assertThat(entries()).isEqualTo(1);
        Delivery fourth = STRIPE.redeliver(first);
        assertThat(JSON.readTree(fourth.response()).get("outcome").asString()).isEqualTo("already_credited");
        assertThat(balance()).isEqualTo(new BigDecimal("7.2500"));
    }

    @Test
    void tamperedWronglySignedOrOldDeliveriesChangeNothing() throws Exception {
        String sessionId = openSession("20.00");
        // Paid while nothing listens, so the test holds a genuine signed delivery it has not handed over yet.
        STRIPE.webhookUrl("http://127.0.0.1:1/webhooks/stripe");
        Delivery genuine = STRIPE.pay(sessionId);
        STRIPE.webhookUrl(webhookUrl());
        String body = genuine.body();
        String signature = genuine.header("Stripe-Signature");
        long now = Instant.now().getEpochSecond();
        String tampered = body.replace("\"amount_total\":2000", "\"amount_total\":2000000");
        assertThat(tampered).isNotEqualTo(body);

        List<Map<String, String>> attempts = List.of(
                Map.of("body", tampered, "signature", signature),
                Map.of("body", body, "signature", FakeStripe.signature("whsec_someone_else", now, body)),
                Map.of("body", body, "signature", FakeStripe.signature(STRIPE.webhookSecret(), now - 6 * 60, body)),
                Map.of("body", tampered, "signature", FakeStripe.signature(STRIPE.webhookSecret(), now - 301,
                        tampered)),
                Map.of("body", body, "signature", ""));
        for (Map<String, String> attempt : attempts) {
            Delivery refused = STRIPE.deliverRaw(webhookUrl(), attempt.get("body"), Map.of(
                    "Content-Type", "application/json", "Stripe-Signature", attempt.get("signature")));
            assertThat(refused.status()).as(refused.response()).isEqualTo(400);
            assertThat(refused.response()).contains("Stripe-Signature");
        }
        assertThat(balance()).isEqualByComparingTo("0");
        assertThat(entries()).isZero();
        assertThat(status(sessionId)).isEqualTo("PENDING");

        Delivery delivered = STRIPE.deliverRaw(webhookUrl(), body, genuine.headers());
        assertThat(delivered.status()).isEqualTo(200);
        assertThat(balance()).isEqualTo(new BigDecimal("20.0000"));
        assertThat(status(sessionId)).isEqualTo("PAID");
    }

    @Test
    void badAmountsAndCurrenciesAnswer400NamingTheFieldAndOpenNoSession() throws Exception {
        int sessionsBefore = STRIPE.sessions().size();
        Map<String, String> bad = Map.of(
                "{\"amount\":\"-5.00\",\"currency\":\"USD\"}", "amount",
                "{\"amount\":\"0\",\"currency\":\"USD\"}", "amount",
                "{\"amount\":\"-0\",\"currency\":\"USD\"}", "amount",
                "{\"amount\":\"ten\",\"currency\":\"USD\"}", "amount",
                "{\"amount\":\"10.001\",\"currency\":\"USD\"}", "amount",
                "{\"amount\":\"1000001\",\"currency\":\"USD\"}", "amount",
                "{\"currency\":\"USD\"}", "amount",
                "{\"amount\":\"10.00\",\"currency\":\"EUR\"}", "currency");
        for (Map.Entry<String, String> request : bad.entrySet()) {
            HttpResponse<String> response = topUp(request.getKey(), user);
            assertThat(response.statusCode()).as(request.getKey()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).as(request.getKey()).contains(request.getValue());
        }
        assertThat(STRIPE.sessions()).hasSize(sessionsBefore);
        assertThat(JSON.readTree(get("/api/v1/billing/topups", user).body())).isEmpty();
    }

    @Test
    void aStripeFailureAnswers502AndRecordsNothing() throws Exception {
        STRIPE.failNextApiCalls(1, 500);

        HttpResponse<String> response = topUp("{\"amount\":\"10.00\"}", user);

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("Stripe refused the checkout session");
        assertThat(JSON.readTree(get("/api/v1/billing/topups", user).body())).isEmpty();
    }

    @Test
    void anotherUsersTopUpAnswersLikeAnUnknownOneAndTopUpsNeedAToken() throws Exception {
        String id = JSON.readTree(topUp("{\"amount\":\"5.00\"}", user).body()).get("id").asString();
        UUID stranger = UUID.randomUUID();

        assertThat(get("/api/v1/billing/topups/" + id, stranger).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/billing/topups/" + UUID.randomUUID(), stranger).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/billing/topups/" + id, user).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(get("/api/v1/billing/topups", stranger).body())).isEmpty();
        assertThat(topUp("{\"amount\":\"5.00\"}", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aPaidSessionThisServiceNeverRecordedIsCreditedToItsClientReference() throws Exception {
        String sessionId = createDirectlyAtStripe(user, 1500);

        Delivery delivery = STRIPE.pay(sessionId);

        assertThat(delivery.status()).as(delivery.response()).isEqualTo(200);
        assertThat(balance()).isEqualTo(new BigDecimal("15.0000"));
        assertThat(status(sessionId)).isEqualTo("PAID");
        STRIPE.redeliver(delivery);
        assertThat(balance()).isEqualTo(new BigDecimal("15.0000"));
    }

    @Test
    void anExpiredSessionIsRecordedAndAnUnpaidCompletionCreditsNothing() throws Exception {
        String expiring = openSession("3.00");
        Delivery expired = STRIPE.expire(expiring);
        assertThat(JSON.readTree(expired.response()).get("outcome").asString()).isEqualTo("expired");
        assertThat(status(expiring)).isEqualTo("EXPIRED");

        String unpaid = openSession("4.00");
        Map<String, Object> session = Map.of("id", unpaid, "object", "checkout.session", "amount_total", 400,
                "currency", "usd", "client_reference_id", user.toString(), "payment_status", "unpaid",
                "status", "complete");
        String body = JSON.writeValueAsString(Map.of("id", "evt_unpaid", "object", "event",
                "type", "checkout.session.completed", "data", Map.of("object", session)));
        Delivery delivery = STRIPE.deliverRaw(webhookUrl(), body, Map.of("Content-Type", "application/json",
                "Stripe-Signature", FakeStripe.signature(STRIPE.webhookSecret(), Instant.now().getEpochSecond(),
                        body)));

        assertThat(delivery.status()).isEqualTo(200);
        assertThat(JSON.readTree(delivery.response()).get("outcome").asString()).isEqualTo("ignored");
        assertThat(status(unpaid)).isEqualTo("PENDING");
        assertThat(balance()).isEqualByComparingTo("0");
    }

    /** Figures for the README: 50 top-ups paid one after the other, each credited, the sum exact. */
    @Test
    void fiftyTopUpsInARowAreEachCreditedOnceAndTimed() throws Exception {
        int count = 50;
        long[] opening = new long[count];
        long[] crediting = new long[count];
        BigDecimal expected = BigDecimal.ZERO;
        for (int i = 0; i < count; i++) {
            String amount = BigDecimal.valueOf(100 + i * 7L, 2).toPlainString();
            long start = System.nanoTime();
            String sessionId = openSession(amount);
            long opened = System.nanoTime();
            Delivery delivery = STRIPE.pay(sessionId);
            long credited = System.nanoTime();
            assertThat(JSON.readTree(delivery.response()).get("outcome").asString()).isEqualTo("credited");
            opening[i] = opened - start;
            crediting[i] = credited - opened;
            expected = expected.add(new BigDecimal(amount));
        }
        assertThat(balance()).isEqualByComparingTo(expected);
        assertThat(entries()).isEqualTo(count);
        java.util.Arrays.sort(opening);
        java.util.Arrays.sort(crediting);
        System.out.printf("top-up figures over %d: POST /topups (with the Stripe call) p50 %.1f ms p95 %.1f ms;"
                + " pay + signed webhook + credit p50 %.1f ms p95 %.1f ms%n", count, opening[count / 2] / 1e6,
                opening[count * 95 / 100] / 1e6, crediting[count / 2] / 1e6, crediting[count * 95 / 100] / 1e6);
    }

    /** A session made with Stripe's API directly, as if this service had failed right after Stripe answered. */
    private String createDirectlyAtStripe(UUID owner, long cents) throws Exception {
        String form = "mode=payment&success_url=http%3A%2F%2F127.0.0.1%3A1%2Fok&client_reference_id=" + owner
                + "&line_items%5B0%5D%5Bquantity%5D=1&line_items%5B0%5D%5Bprice_data%5D%5Bcurrency%5D=usd"
                + "&line_items%5B0%5D%5Bprice_data%5D%5Bunit_amount%5D=" + cents
                + "&line_items%5B0%5D%5Bprice_data%5D%5Bproduct_data%5D%5Bname%5D=Top-up";
        HttpRequest request = HttpRequest.newBuilder(
                URI.create(STRIPE.apiUrl() + "/v1/checkout/sessions"))
                .header("Authorization", "Bearer " + STRIPE.secretKey())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("id").asString();
    }

    private String openSession(String amount) throws Exception {
        HttpResponse<String> created = topUp(JSON.writeValueAsString(Map.of("amount", amount, "currency", "USD")),
                user);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("sessionId").asString();
    }

    private HttpResponse<String> topUp(String body, UUID caller) {
        return ServiceCalls.on(port).send("POST", "/api/v1/billing/topups", body,
                caller == null ? null : tokens.user(caller));
    }

    private String status(String sessionId) {
        return jdbc.queryForObject("select status from topup_sessions where session_id = ?", String.class,
                sessionId);
    }

    private BigDecimal balance() {
        return wallets.balance(user);
    }

    private long entries() {
        return jdbc.queryForObject("select count(*) from ledger_entries where user_id = ?", Long.class, user);
    }

    private String webhookUrl() {
        return "http://127.0.0.1:" + port + "/webhooks/stripe";
    }
}
