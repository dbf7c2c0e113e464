package dev.paas.metrics.testing;

import dev.paas.messaging.testing.EventBus;
import dev.paas.messaging.testing.TestDatabases;
import dev.paas.tokens.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * metrics-service against PostgreSQL ({@code paas_metrics_test}), the test JVM's JetStream server and key set.
 * Subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class MetricsServiceIntegrationTest {

    protected static EventBus bus;
    protected static TestTokens tokens;
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        bus = EventBus.shared();
        tokens = TestTokens.registerWith(registry);
        registry.add("spring.datasource.url", () -> TestDatabases.url("paas_metrics_test"));
        registry.add("spring.cloud.stream.jetstream.binder.url", bus::url);
    }

    protected HttpResponse<String> get(String path, UUID user) throws Exception {
        return get(path, user == null ? null : tokens.user(user), true);
    }

    /** A GET with {@code token} as bearer token ({@code null}: none). */
    protected HttpResponse<String> get(String path, String token, boolean withToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (withToken && token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
