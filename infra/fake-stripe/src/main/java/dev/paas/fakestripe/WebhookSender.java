package dev.paas.fakestripe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts events the way Stripe does: a JSON body and a {@code Stripe-Signature: t=<unix seconds>,v1=<hex>} header,
 * {@code v1} being the HMAC-SHA256 of {@code "<t>.<body>"} keyed with the endpoint's signing secret (the whole
 * {@code whsec_...} string).
 */
final class WebhookSender {

    /** Headers java.net.http refuses to set by hand. */
    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Delivery send(String url, String secret, String eventId, String type, String body, long timestamp) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)");
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("Stripe-Signature", "t=" + timestamp + ",v1=" + sign(secret, timestamp, body));
        return sendRaw(url, eventId, type, body, headers);
    }

    Delivery sendRaw(String url, String eventId, String type, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                request.header(name, value);
            }
        });
        Map<String, String> sent = Map.copyOf(headers);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Delivery(eventId, type, url, body, sent, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery(eventId, type, url, body, sent, 0, "interrupted");
        } catch (Exception e) {
            return new Delivery(eventId, type, url, body, sent, 0, e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
    }

    /** Lower-case hex HMAC-SHA256 of {@code "<timestamp>.<body>"} keyed with the UTF-8 bytes of {@code secret}. */
    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
