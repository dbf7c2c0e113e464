package dev.paas.project.testing;

import static org.awaitility.Awaitility.await;

import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.contracts.IntegrationEvent;
import dev.paas.messaging.testing.EventBus;
import dev.paas.tokens.testing.TestTokens;
import dev.paas.testing.ServiceCalls;
import dev.paas.testing.ServiceComponentTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * project-service as a component ({@link ServiceComponentTest}: PostgreSQL {@code paas_project_test} and the test
 * JVM's JetStream server) with the test key set of {@link TestTokens}. Subclasses share one application context;
 * every test works for users of its own, so they do not see each other's projects.
 */
@ServiceComponentTest(database = "paas_project_test", properties = "paas.messaging.outbox.poll-interval=200ms")
public abstract class ProjectServiceIntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final EventCodec CODEC = new EventCodec();
    protected static EventBus bus;
    protected static TestTokens tokens;
    private static final List<EventEnvelope> PUBLISHED = new CopyOnWriteArrayList<>();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        if (bus == null) {
            bus = EventBus.shared();
            // Everything project-service publishes, as a consumer in another service would see it.
            bus.client().createDispatcher(message -> PUBLISHED.add(CODEC.fromBytes(message.getData())))
                    .subscribe("paas.project.>");
        }
        tokens = TestTokens.registerWith(registry);
    }

    protected HttpResponse<String> get(String path, UUID user) throws Exception {
        return send("GET", path, null, user == null ? null : tokens.user(user));
    }

    protected HttpResponse<String> post(String path, String body, UUID user) throws Exception {
        return send("POST", path, body, user == null ? null : tokens.user(user));
    }

    protected HttpResponse<String> patch(String path, String body, UUID user) throws Exception {
        return send("PATCH", path, body, user == null ? null : tokens.user(user));
    }

    /** Sends a request with {@code token} as bearer token ({@code null}: none). */
    protected HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return ServiceCalls.on(port).send(method, path, body, token);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Registers a project of {@code owner} from a JSON body and returns it. */
    protected JsonNode createProject(UUID owner, String body) throws Exception {
        HttpResponse<String> created = post("/api/v1/projects", body, owner);
        if (created.statusCode() != 201) {
            throw new AssertionError("project not created: " + created.statusCode() + " " + created.body());
        }
        return json(created);
    }

    /** Waits until project-service publishes an event of {@code type} that matches, and returns it. */
    protected static <T extends IntegrationEvent> T awaitPublished(Class<T> type, Predicate<T> matching) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> published(type).stream().filter(matching)
                .findFirst().orElse(null), event -> event != null);
    }

    /** Every event of {@code type} project-service published since the tests began. */
    protected static <T extends IntegrationEvent> List<T> published(Class<T> type) {
        return PUBLISHED.stream().map(envelope -> CODEC.payloadOf(envelope).orElse(null))
                .filter(type::isInstance).map(type::cast).toList();
    }
}
