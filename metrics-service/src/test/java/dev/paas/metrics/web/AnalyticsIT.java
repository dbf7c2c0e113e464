package dev.paas.metrics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.paas.contracts.project.ProjectCreated;
import dev.paas.contracts.runtime.DomainAdded;
import dev.paas.messaging.testing.EventBus;
import dev.paas.metrics.analytics.AnalyticsComponentTest;
import dev.paas.metrics.owners.KnownResources;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Requests through a real Caddy (the platform's logging block, a route for a project's slug host and its custom
 * domain, the catch-all 404), counted from the access log Caddy writes, read back from the analytics API.
 */
class AnalyticsIT extends AnalyticsComponentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static HttpServer upstream;
    private static Process caddy;
    private static int caddyPort;

    @Autowired
    KnownResources resources;
    @Autowired
    MeterRegistry meters;

    private final EventBus bus = EventBus.shared();

    @BeforeAll
    static void startCaddyInFrontOfAnUpstream() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", AnalyticsIT::answer);
        upstream.start();
        caddyPort = freePort();
        Path dir = Files.createTempDirectory("paas-analytics-caddy");
        Path config = dir.resolve("caddy.json");
        Files.writeString(config, JSON.writeValueAsString(caddyConfig()));
        caddy = new ProcessBuilder("caddy", "run", "--config", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("caddy.out").toFile()).start();
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            try (Socket socket = new Socket("127.0.0.1", caddyPort)) {
                return socket.isConnected();
            }
        });
    }

    @AfterAll
    static void stopCaddy() {
        if (caddy != null) {
            caddy.destroy();
        }
        if (upstream != null) {
            upstream.stop(0);
        }
    }

    @Test
    void countsRequestsThroughCaddyPerProjectIncludingItsCustomDomain() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        String slug = "shop-" + project.toString().substring(0, 8);
        String host = slug + ".paas.localhost";
        String domain = slug + ".example.org";
        bus.publish(new ProjectCreated(project, slug, owner, "https://git.example.org/shop.git", "main", null));
        bus.publish(new DomainAdded(project, owner, owner, domain));
        await().atMost(WAIT).until(() -> resources.projectServedAt(host).isPresent()
                && resources.projectServedAt(domain).isPresent());
        double linesBefore = counter("paas.analytics.lines.read");
        double unattributedBefore = counter("paas.analytics.lines.unattributed");

        for (int i = 0; i < 6; i++) {
            assertThat(request(host, "/ok?n=" + i, "agent-a")).isEqualTo(200);
        }
        assertThat(request(domain.toUpperCase(), "/missing", "agent-b")).isEqualTo(404);
        assertThat(request(domain + ":" + caddyPort, "/missing", "agent-b")).isEqualTo(404);
        assertThat(request(host, "/boom", "agent-c")).isEqualTo(500);
        assertThat(request(host, "/moved", "agent-c")).isEqualTo(302);
        for (int i = 0; i < 3; i++) {
            assertThat(request("nobody-" + slug + ".paas.localhost", "/", "agent-a")).isEqualTo(404);
        }

        await().atMost(WAIT).until(() -> analytics(project, owner).path("totals").path("requests").asLong() == 10);
        JsonNode report = analytics(project, owner);
        JsonNode totals = report.path("totals");
        assertThat(totals.path("status")).isEqualTo(JSON.valueToTree(Map.of("s2xx", 6, "s3xx", 1, "s4xx", 2,
                "s5xx", 1)));
        assertThat(totals.path("bytesSent").asLong()).isEqualTo(6 * 5 + 2 * 4 + 3);
        assertThat(totals.path("latencyMs").path("p50").asDouble()).isPositive();
        assertThat(totals.path("latencyMs").path("p99").asDouble())
                .isGreaterThanOrEqualTo(totals.path("latencyMs").path("p50").asDouble());
        assertThat(report.path("granularity").asString()).isEqualTo("hour");
        assertThat(report.path("topPaths").get(0)).isEqualTo(JSON.valueToTree(Map.of("path", "/ok", "requests", 6)));
        assertThat(report.path("topPaths").get(1)).isEqualTo(JSON.valueToTree(Map.of("path", "/missing",
                "requests", 2)));
        assertThat(report.path("visitorsPerDay")).singleElement().satisfies(day -> {
            assertThat(day.path("day").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
            assertThat(day.path("visitors").asLong()).isEqualTo(3);
        });
        assertThat(report.path("series").size()).isBetween(1, 2);
        assertThat(counter("paas.analytics.lines.read") - linesBefore).isGreaterThanOrEqualTo(13);
        assertThat(counter("paas.analytics.lines.unattributed") - unattributedBefore).isGreaterThanOrEqualTo(3);
        assertThat(Files.readString(ACCESS_LOG)).contains(host);
        assertThat(minuteSeries(project, owner).path("granularity").asString()).isEqualTo("minute");
    }

    @Test
    void answersAnotherUsersProjectLikeAnUnknownOneAndAdministratorsAnyProject() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        bus.publish(new ProjectCreated(project, "own-" + project.toString().substring(0, 8), owner,
                "https://git.example.org/own.git", "main", null));
        await().atMost(WAIT).until(() -> resources.ownsProject(owner, project));
        UUID stranger = UUID.randomUUID();
        UUID missing = UUID.randomUUID();

        HttpResponse<String> foreign = get("/api/v1/projects/" + project + "/analytics", stranger);
        HttpResponse<String> unknown = get("/api/v1/projects/" + missing + "/analytics", stranger);

        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body().replace(project.toString(), "ID"))
                .isEqualTo(unknown.body().replace(missing.toString(), "ID"));
        assertThat(get("/api/v1/projects/" + project + "/analytics", owner).statusCode()).isEqualTo(200);
        HttpResponse<String> admin = get("/api/v1/projects/" + project + "/analytics", tokens.admin(stranger));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(admin.body()).path("totals").path("requests").asLong()).isZero();
    }

    @Test
    void rejectsBadRangesNamingTheParameter() {
        UUID owner = UUID.randomUUID();
        String path = "/api/v1/projects/" + UUID.randomUUID() + "/analytics";

        HttpResponse<String> badFrom = get(path + "?from=yesterday", owner);
        HttpResponse<String> badTo = get(path + "?to=2026-13-01T00:00:00Z", owner);
        HttpResponse<String> reversed = get(path + "?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", owner);
        HttpResponse<String> tooLong = get(path + "?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z", owner);

        assertThat(List.of(badFrom, badTo, reversed, tooLong)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        });
        assertThat(badFrom.body()).contains("from").contains("yesterday");
        assertThat(badTo.body()).contains("to").contains("2026-13-01");
        assertThat(reversed.body()).contains("from must be before to");
        assertThat(tooLong.body()).contains("31 days");
        assertThat(get(path, (String) null).statusCode()).isEqualTo(401);
    }

    private JsonNode analytics(UUID project, UUID caller) {
        HttpResponse<String> response = get("/api/v1/projects/" + project + "/analytics", caller);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode minuteSeries(UUID project, UUID caller) {
        Instant now = Instant.now();
        HttpResponse<String> response = get("/api/v1/projects/" + project + "/analytics?from="
                + now.minus(Duration.ofHours(1)) + "&to=" + now.plus(Duration.ofMinutes(1)), caller);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        long summed = 0;
        for (JsonNode point : report.path("series")) {
            summed += point.path("totals").path("requests").asLong();
        }
        assertThat(summed).isEqualTo(10);
        return report;
    }

    private double counter(String name) {
        return meters.find(name).tag("log", ACCESS_LOG.getFileName().toString()).counter().count();
    }

    /** A GET through Caddy with {@code host} as Host header (Java's HttpClient will not set it); the status. */
    private static int request(String host, String path, String userAgent) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", caddyPort)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: " + userAgent
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(response.substring(9, 12));
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        switch (path) {
            case "/ok" -> respond(exchange, 200, "hello");
            case "/missing" -> respond(exchange, 404, "nope");
            case "/boom" -> respond(exchange, 500, "err");
            case "/moved" -> {
                exchange.getResponseHeaders().add("Location", "/ok");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            }
            default -> respond(exchange, 404, "unknown");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The platform's Caddy configuration with its logging block, on a free port, the access log of this JVM. */
    private static ObjectNode caddyConfig() throws IOException {
        ObjectNode config = (ObjectNode) JSON.readTree(Path.of("..", "infra", "caddy", "caddy.json").toFile());
        config.putObject("admin").put("disabled", true);
        ((ObjectNode) config.path("logging").path("logs").path("access").path("writer"))
                .put("filename", ACCESS_LOG.toString());
        ObjectNode server = (ObjectNode) config.path("apps").path("http").path("servers").path("paas");
        server.putArray("listen").add("127.0.0.1:" + caddyPort);
        ArrayNode routes = (ArrayNode) server.path("routes");
        JsonNode notFound = routes.get(routes.size() - 1);
        routes.removeAll();
        ObjectNode route = routes.addObject();
        route.put("@id", "projects");
        route.putArray("match").addObject().putArray("host").add("*.paas.localhost").add("*.example.org");
        route.putArray("handle").addObject().put("handler", "reverse_proxy").putArray("upstreams").addObject()
                .put("dial", "127.0.0.1:" + upstream.getAddress().getPort());
        route.put("terminal", true);
        routes.add(notFound);
        return config;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
