package dev.paas.billing.topups;

import dev.paas.problems.BadGateway;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates Stripe Checkout Sessions: {@code POST /v1/checkout/sessions}, form-encoded as Stripe's API wants, the secret
 * key as bearer token (never logged, never in a message), and the top-up's id as {@code Idempotency-Key} so that a
 * retried request cannot open a second session.
 */
@Component
class StripeCheckout {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StripeProperties properties;
    private final HttpClient http;

    StripeCheckout(StripeProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The session Stripe created: its id and the payment page to send the customer to. */
    record CheckoutSession(String id, String url) {
    }

    /**
     * One payment-mode session with one line item of {@code amount}, paid for {@code userId} (its
     * {@code client_reference_id} and {@code metadata[user_id]}).
     *
     * @throws BadGateway when Stripe cannot be reached or refuses the request
     */
    CheckoutSession create(UUID topUpId, UUID userId, TopUpAmount amount) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.apiUrl() + "/v1/checkout/sessions"))
                .timeout(properties.timeout())
                .header("Authorization", "Bearer " + properties.secretKey())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Idempotency-Key", "topup-" + topUpId)
                .POST(HttpRequest.BodyPublishers.ofString(encode(form(topUpId, userId, amount))))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BadGateway("Stripe could not be reached at " + properties.apiUrl() + ": "
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadGateway("interrupted while calling Stripe", e);
        }
        JsonNode body = read(response);
        if (response.statusCode() / 100 != 2) {
            throw new BadGateway("Stripe refused the checkout session (HTTP " + response.statusCode() + ": "
                    + body.path("error").path("message").asString("no message") + ")", null);
        }
        String id = body.path("id").asString("");
        String url = body.path("url").asString("");
        if (id.isBlank() || url.isBlank()) {
            throw new BadGateway("Stripe answered a checkout session without an id or url", null);
        }
        return new CheckoutSession(id, url);
    }

    /** The form fields, in Stripe's bracket notation for nested parameters. */
    Map<String, String> form(UUID topUpId, UUID userId, TopUpAmount amount) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mode", "payment");
        form.put("line_items[0][quantity]", "1");
        form.put("line_items[0][price_data][currency]", amount.currency().toLowerCase(Locale.ROOT));
        form.put("line_items[0][price_data][unit_amount]", Long.toString(amount.minorUnits()));
        form.put("line_items[0][price_data][product_data][name]", properties.productName());
        form.put("success_url", properties.successUrl());
        form.put("cancel_url", properties.cancelUrl());
        form.put("client_reference_id", userId.toString());
        form.put("metadata[user_id]", userId.toString());
        form.put("metadata[top_up_id]", topUpId.toString());
        return form;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body() == null || response.body().isBlank() ? "{}" : response.body());
        } catch (JacksonException e) {
            throw new BadGateway("Stripe answered HTTP " + response.statusCode() + " with a body that is not JSON",
                    e);
        }
    }
}
