package dev.paas.fakegithub;

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
 * Posts webhook deliveries the way GitHub's "Hookshot" does: the event in {@code X-GitHub-Event}, a fresh GUID in
 * {@code X-GitHub-Delivery}, and, when the hook has a secret, HMAC signatures of the exact body in
 * {@code X-Hub-Signature-256} (and the legacy SHA-1 {@code X-Hub-Signature}). Hooks with
 * {@code content_type=form} get the JSON as a {@code payload} form field.
 */
final class WebhookSender {

    /** Headers java.net.http refuses to set by hand. */
    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Delivery send(Hook hook, String event, Map<String, Object> payload, String deliveryId) {
        String json = Exchanges.JSON.writeValueAsString(payload);
        boolean form = "form".equals(hook.contentType());
        String body = form ? "payload=" + Exchanges.encode(json) : json;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", "GitHub-Hookshot/fake");
        headers.put("Content-Type", form ? "application/x-www-form-urlencoded" : "application/json");
        headers.put("X-GitHub-Event", event);
        headers.put("X-GitHub-Delivery", deliveryId);
        headers.put("X-GitHub-Hook-ID", Long.toString(hook.id()));
        headers.put("X-GitHub-Hook-Installation-Target-Type", "repository");
        if (hook.secret() != null && !hook.secret().isEmpty()) {
            headers.put("X-Hub-Signature", "sha1=" + hmac("HmacSHA1", hook.secret(), body));
            headers.put("X-Hub-Signature-256", "sha256=" + hmac("HmacSHA256", hook.secret(), body));
        }
        return sendRaw(deliveryId, event, hook.id(), hook.url(), body, headers);
    }

    Delivery sendRaw(String deliveryId, String event, long hookId, String url, String body,
            Map<String, String> headers) {
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
            return new Delivery(deliveryId, event, hookId, url, body, sent, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery(deliveryId, event, hookId, url, body, sent, 0, "interrupted");
        } catch (Exception e) {
            return new Delivery(deliveryId, event, hookId, url, body, sent, 0, e.getClass().getSimpleName()
                    + ": " + e.getMessage());
        }
    }

    /** Lower-case hex HMAC of the UTF-8 body. */
    static String hmac(String algorithm, String secret, String body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
