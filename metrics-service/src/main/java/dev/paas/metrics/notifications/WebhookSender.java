package dev.paas.metrics.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts notifications to incoming webhooks: a JSON body Slack ({@code text}) and Discord ({@code content}) both
 * accept, with the alert's facts under {@code alert} (a notice's {@code type} and figures beside the text instead),
 * signed with the channel's secret.
 */
class WebhookSender implements NotificationSender {

    /** Discord refuses a {@code content} longer than this. */
    private static final int MAX_TEXT = 2000;

    private final HttpClient http;
    private final JsonMapper json;
    private final Duration timeout;

    WebhookSender(JsonMapper json, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.json = json;
        this.timeout = timeout;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public void send(ChannelStore.Channel channel, NotificationMessage message) throws DeliveryFailed {
        String text = message.text().length() <= MAX_TEXT ? message.text()
                : message.text().substring(0, MAX_TEXT - 3) + "...";
        Map<String, Object> body = new LinkedHashMap<>();
        if (message.notice()) {
            body.put("type", message.noticeType());
        }
        body.put("text", text);
        body.put("content", text);
        if (message.notice()) {
            message.alert().forEach(body::putIfAbsent);
        } else {
            body.put("alert", message.alert());
        }
        byte[] bytes = json.writeValueAsBytes(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(channel.target())).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "paas-metrics-service")
                .header("X-Paas-Timestamp", Long.toString(Instant.now().getEpochSecond()))
                .header("X-Paas-Signature", WebhookSigner.signature(channel.secret(), bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new DeliveryFailed("webhook unreachable: " + e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("interrupted while calling the webhook", true);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            // Timeouts, throttling and server errors may pass; any other client error will not.
            boolean retryable = status >= 500 || status == 408 || status == 429;
            throw new DeliveryFailed("webhook answered HTTP " + status, retryable);
        }
    }
}
