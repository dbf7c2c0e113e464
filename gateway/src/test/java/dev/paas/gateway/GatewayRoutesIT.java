package dev.paas.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.paas.tokens.testing.TestTokens;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Each API path reaches the service that owns it; the gateway also serves the dashboard and its own probes. */
class GatewayRoutesIT extends GatewayIntegrationTest {

    private static final List<HttpServer> UPSTREAMS = new ArrayList<>();
    private static final String ADMIN_TOKEN = TestTokens.shared().admin(UUID.randomUUID());
    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) throws IOException {
        for (String service : List.of("project", "build", "runtime", "identity", "database", "metrics", "billing")) {
            String url = startUpstream(service);
            registry.add("PAAS_" + service.toUpperCase() + "_SERVICE_URL", () -> url);
        }
    }

    @AfterAll
    static void stopUpstreams() {
        UPSTREAMS.forEach(server -> server.stop(0));
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/projects, project",
            "/api/v1/projects/42, project",
            "/api/v1/projects/42/deployments, project",
            "/api/v1/deployments/7, project",
            "/api/v1/deployments/7/build-log, build",
            "/api/v1/deployments/7/cancel, build",
            "/api/v1/builds/7, build",
            "/api/v1/projects/42/env/suggestions, build",
            "/api/v1/projects/42/env, runtime",
            "/api/v1/projects/42/env/API_KEY, runtime",
            "/api/v1/projects/42/runtime, runtime",
            "/api/v1/projects/42/stop, runtime",
            "/api/v1/projects/42/start, runtime",
            "/api/v1/projects/42/restart, runtime",
            "/api/v1/projects/42/scale, runtime",
            "/api/v1/projects/42/domains, runtime",
            "/api/v1/projects/42/domains/shop.example.com, runtime",
            "/api/v1/projects/42/logs, runtime",
            "/api/v1/admin/runtime/projects/42/suspend, runtime",
            "/api/v1/projects/42/rollback, project",
            "/api/v1/projects/42/events, project",
            "/api/v1/admin/runtimes, build",
            "/api/v1/admin/runtimes/7, build",
            "/api/v1/deployments/7/runtime, runtime",
            "/api/v1/projects/42/containers, runtime",
            "/api/v1/auth/me, identity",
            "/api/v1/github/repositories, identity",
            "/api/v1/github/repositories/octo/hello/branches, identity",
            "/api/v1/admin/users, identity",
            "/api/v1/admin/users/42/role, identity",
            "/api/v1/admin/audit, identity",
            "/api/v1/admin/signing-keys/rotate, identity",
            "/api/v1/admin/projects, project",
            "/api/v1/admin/projects/42, project",
            "/api/v1/admin/metrics/deployments, metrics",
            "/api/v1/databases, database",
            "/api/v1/databases/7/backups, database",
            "/api/v1/databases/7/backups/9/download, database",
            "/api/v1/databases/7/restore, database",
            "/api/v1/projects/42/databases, database",
            "/api/v1/projects/42/databases/7, database",
            "/api/v1/metrics/deployments, metrics",
            "/api/v1/projects/42/metrics, metrics",
            "/api/v1/projects/42/analytics, metrics",
            "/api/v1/databases/7/metrics, metrics",
            "/api/v1/alerts, metrics",
            "/api/v1/alerts/9, metrics",
            "/api/v1/admin/alerts, metrics",
            "/api/v1/projects/42/alert-rules, metrics",
            "/api/v1/projects/42/alert-rules/9, metrics",
            "/api/v1/admin/alert-rules, metrics",
            "/api/v1/notification-channels, metrics",
            "/api/v1/notification-channels/9, metrics",
            "/api/v1/admin/capacity, metrics",
            "/api/v1/admin/capacity/threshold, metrics",
            "/api/v1/admin/containers, metrics",
            "/api/v1/billing/wallet, billing",
            "/api/v1/billing/plans, billing",
            "/api/v1/admin/plans, billing",
            "/api/v1/admin/plans/7, billing",
            "/api/v1/admin/billing/wallets/9/adjustments, billing"
    })
    void routesEachPathToTheServiceThatOwnsIt(String path, String service) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(service + " " + path);
    }

    @Test
    void servesTheDashboardAndItsOwnProbes() throws Exception {
        assertThat(get("/").body()).contains("<div id=\"root\"></div>", "<script type=\"module\"");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
    }

    /** As an administrator: admin paths and the gateway's metrics need the role, the rest any signed-in user. */
    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + ADMIN_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String startUpstream(String service) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = (service + " " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        UPSTREAMS.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
