package dev.paas.fakestripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FakeStripeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> SESSION_FORM = Map.of(
            "mode", "payment",
            "success_url", "http://127.0.0.1:1/ok",
            "cancel_url", "http://127.0.0.1:1/cancel",
            "client_reference_id", "user-1",
            "metadata[top_up_id]", "t-1",
            "line_items[0][quantity]", "1",
            "line_items[0][price_data][currency]", "usd",
            "line_items[0][price_data][unit_amount]", "1000",
            "line_items[0][price_data][product_data][name]", "Wallet top-up");

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private FakeStripe stripe;
    private HttpServer receiver;

    @BeforeEach
    void start() throws Exception {
        stripe = FakeStripe.start();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        receiver.createContext("/webhooks/stripe", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.of("body", body, "signature",
                    exchange.getRequestHeaders().getFirst("Stripe-Signature")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        stripe.webhookUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/stripe");
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        stripe.close();
    }

    @Test
    void createsACheckoutSessionForTheSecretKey() throws Exception {
        HttpResponse<String> response = create(SESSION_FORM, "Bearer " + stripe.secretKey(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode session = JSON.readTree(response.body());
        assertThat(session.get("id").asString()).startsWith("cs_test_");
        assertThat(session.get("object").asString()).isEqualTo("checkout.session");
        assertThat(session.get("amount_total").asLong()).isEqualTo(1000);
        assertThat(session.get("currency").asString()).isEqualTo("usd");
        assertThat(session.get("client_reference_id").asString()).isEqualTo("user-1");
        assertThat(session.get("metadata").get("top_up_id").asString()).isEqualTo("t-1");
        assertThat(session.get("status").asString()).isEqualTo("open");
        assertThat(session.get("payment_status").asString()).isEqualTo("unpaid");
        assertThat(session.get("url").asString()).isEqualTo(stripe.apiUrl() + "/checkout/"
                + session.get("id").asString());
        assertThat(stripe.sessions()).hasSize(1);
    }

    @Test
    void refusesAWrongOrMissingKeyAndAnIncompleteForm() throws Exception {
        assertThat(create(SESSION_FORM, "Bearer sk_test_wrong", null).statusCode()).isEqualTo(401);
        assertThat(create(SESSION_FORM, null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> noMode = create(Map.of("success_url", "http://x"), "Bearer " + stripe.secretKey(), null);
        assertThat(noMode.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noMode.body()).get("error").get("param").asString()).isEqualTo("mode");
        assertThat(stripe.sessions()).isEmpty();
    }

    @Test
    void answersTheSameSessionToARepeatedIdempotencyKey() throws Exception {
        String first = JSON.readTree(create(SESSION_FORM, "Bearer " + stripe.secretKey(), "key-1").body())
                .get("id").asString();
        String again = JSON.readTree(create(SESSION_FORM, "Bearer " + stripe.secretKey(), "key-1").body())
                .get("id").asString();

        assertThat(again).isEqualTo(first);
        assertThat(stripe.sessions()).hasSize(1);
    }

    @Test
    void payingDeliversACompletedEventSignedWithTheWebhookSecret() throws Exception {
        String id = JSON.readTree(create(SESSION_FORM, "Bearer " + stripe.secretKey(), null).body()).get("id")
                .asString();

        Delivery delivery = stripe.pay(id);

        assertThat(delivery.status()).isEqualTo(200);
        assertThat(received).hasSize(1);
        String body = received.getFirst().get("body");
        String signature = received.getFirst().get("signature");
        long timestamp = Long.parseLong(signature.substring(2, signature.indexOf(',')));
        assertThat(signature).isEqualTo(FakeStripe.signature(stripe.webhookSecret(), timestamp, body));
        assertThat(signature).isNotEqualTo(FakeStripe.signature("whsec_other", timestamp, body));
        JsonNode event = JSON.readTree(body);
        assertThat(event.get("type").asString()).isEqualTo("checkout.session.completed");
        assertThat(event.get("data").get("object").get("id").asString()).isEqualTo(id);
        assertThat(event.get("data").get("object").get("payment_status").asString()).isEqualTo("paid");
        assertThat(stripe.session(id)).hasValueSatisfying(session ->
                assertThat(session.status()).isEqualTo("complete"));
        assertThatThrownBy(() -> stripe.pay(id)).hasMessageContaining("complete");

        stripe.redeliver(delivery);
        assertThat(received).hasSize(2);
        assertThat(received.get(1)).isEqualTo(received.getFirst());
    }

    @Test
    void theHttpTestHookPaysASession() throws Exception {
        String id = JSON.readTree(create(SESSION_FORM, "Bearer " + stripe.secretKey(), null).body()).get("id")
                .asString();

        HttpResponse<String> paid = http.send(HttpRequest.newBuilder(URI.create(stripe.apiUrl()
                + "/test/checkout/sessions/" + id + "/pay")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(paid.body()).get("status").asInt()).isEqualTo(200);
        assertThat(received).hasSize(1);
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(stripe.apiUrl()
                + "/test/checkout/sessions/" + id + "/pay")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(409);
    }

    private HttpResponse<String> create(Map<String, String> form, String authorization, String idempotencyKey)
            throws Exception {
        String body = form.entrySet().stream().map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stripe.apiUrl() + "/v1/checkout/sessions"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
