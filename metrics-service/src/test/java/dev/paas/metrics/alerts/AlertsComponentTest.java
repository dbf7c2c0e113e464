package dev.paas.metrics.alerts;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.paas.messaging.testing.EventBus;
import dev.paas.testing.SecuredComponentTest;
import dev.paas.testing.ServiceCalls;
import dev.paas.testing.ServiceComponentTest;
import io.nats.client.Dispatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert and notification ITs' one context: a real SMTP server (GreenMail) the service sends to, the
 * notification worker on and fast, threshold durations of seconds, a rate limit of 3 per 10 s per channel.
 */
@ServiceComponentTest(database = "paas_metrics_test", properties = {
        "paas.metrics.notifications.worker=true",
        "paas.metrics.notifications.poll-interval=200ms",
        "paas.metrics.notifications.retry-delays=1s,1s,1s",
        "paas.metrics.notifications.rate-limit=3",
        "paas.metrics.notifications.rate-window=10s",
        "paas.metrics.alerts.container-memory-duration=2s",
        "paas.metrics.alerts.container-cpu-duration=2s",
})
abstract class AlertsComponentTest extends SecuredComponentTest {

    static final GreenMail SMTP = startSmtp();

    /** Every AlertRaised and AlertResolved metrics-service published, as their JSON envelopes. */
    static final List<JsonNode> PUBLISHED = new CopyOnWriteArrayList<>();

    static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        Dispatcher dispatcher = EventBus.shared().client().createDispatcher(message ->
                PUBLISHED.add(JSON.readTree(message.getData())));
        dispatcher.subscribe("paas.metrics.alert-raised.v1");
        dispatcher.subscribe("paas.metrics.alert-resolved.v1");
    }

    protected final EventBus bus = EventBus.shared();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("paas.metrics.notifications.smtp.host", () -> "127.0.0.1");
        registry.add("paas.metrics.notifications.smtp.port", () -> SMTP.getSmtp().getPort());
        registry.add("paas.metrics.notifications.smtp.from", () -> "alerts@paas.test");
    }

    /** A request with a JSON body written by Jackson from {@code body} ({@code null}: none). */
    protected HttpResponse<String> send(String method, String path, Map<String, ?> body, String token) {
        return ServiceCalls.on(port).send(method, path, body == null ? null : JSON.writeValueAsString(body), token);
    }

    protected JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The alert envelopes published about {@code alertId}, of {@code type}. */
    static long published(String type, String alertId) {
        return PUBLISHED.stream().filter(envelope -> type.equals(envelope.path("type").asString()))
                .filter(envelope -> envelope.toString().contains(alertId)).count();
    }

    static UUID uuid(JsonNode node) {
        return UUID.fromString(node.asString());
    }

    private static GreenMail startSmtp() {
        GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        return mail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
