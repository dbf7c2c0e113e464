package dev.paas.runtime.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.paas.docker.ResilientCalls;
import dev.paas.runtime.testing.TestCaddy;
import dev.paas.runtime.testing.TestHttp;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** {@link CaddyRoutes} against a real Caddy of the test's own, routing to tiny upstreams the test runs. */
class CaddyRoutesIT {

    private static TestCaddy caddy;
    private static final List<HttpServer> upstreams = new ArrayList<>();
    private static final AppUrls urls = new AppUrls("paas.localhost", 8000);

    @BeforeAll
    static void startCaddy() {
        caddy = TestCaddy.start();
    }

    @AfterAll
    static void stopEverything() {
        upstreams.forEach(server -> server.stop(0));
        caddy.close();
    }

    @Test
    void routesAHostToItsUpstreamThenSwitchesThenRemovesIt() throws IOException {
        String slug = slug();
        String host = urls.host(slug);
        String blue = upstream("blue");
        String green = upstream("green");
        CaddyRoutes routes = routes(caddy.adminUrl(), "paas");

        assertThat(routes.route(slug, blue)).isEmpty();
        assertThat(caddy.get(host)).isEqualTo(new TestHttp.Response(200, "blue"));

        Optional<String> previous = routes.route(slug, green);

        assertThat(previous).contains(blue);
        assertThat(caddy.get(host)).isEqualTo(new TestHttp.Response(200, "green"));
        assertThat(routes.upstreamOf(slug)).contains(green);
        assertThat(occurrences(caddy.routesJson(), "\"app-" + slug + "\"")).as("one route per app").isEqualTo(1);

        routes.remove(slug);
        assertThat(caddy.get(host)).isEqualTo(new TestHttp.Response(404, TestCaddy.NOT_FOUND_BODY));
        assertThat(routes.upstreamOf(slug)).isEmpty();
        routes.remove(slug);
    }

    @Test
    void switchesUpstreamsInPlaceQuickly() throws IOException {
        String slug = slug();
        List<String> servers = List.of(upstream("one"), upstream("two"));
        CaddyRoutes routes = routes(caddy.adminUrl(), "paas");
        routes.route(slug, servers.get(0));
        List<Long> micros = new ArrayList<>();

        for (int i = 1; i <= 20; i++) {
            long started = System.nanoTime();
            routes.route(slug, servers.get(i % 2));
            micros.add((System.nanoTime() - started) / 1000);
            assertThat(caddy.get(urls.host(slug)).body()).isEqualTo(i % 2 == 0 ? "one" : "two");
        }

        List<Long> sorted = micros.stream().sorted().toList();
        System.out.printf("route switch (GET + PATCH via admin API), 20 switches: min %.1f ms, median %.1f ms, "
                + "max %.1f ms%n", sorted.get(0) / 1000.0, sorted.get(10) / 1000.0, sorted.get(19) / 1000.0);
        assertThat(occurrences(caddy.routesJson(), "\"app-" + slug + "\"")).isEqualTo(1);
        routes.remove(slug);
    }

    @Test
    void putsNewRoutesAheadOfTheCatchAll() throws IOException {
        String slug = slug();
        CaddyRoutes routes = routes(caddy.adminUrl(), "paas");

        routes.route(slug, upstream("first"));

        String json = caddy.routesJson();
        assertThat(json.indexOf("\"app-" + slug + "\"")).isLessThan(json.indexOf("\"not-found\""));
        routes.remove(slug);
    }

    @Test
    void reportsARefusedChangeWithoutRetryingIt() {
        CaddyRoutes routes = routes(caddy.adminUrl(), "no-such-server");

        assertThatThrownBy(() -> routes.route(slug(), "127.0.0.1:1"))
                .isInstanceOf(CaddyRefused.class)
                .hasMessageContaining("Caddy refused PUT /config/apps/http/servers/no-such-server/routes/0");
    }

    @Test
    void reportsAnUnreachableAdminApiAfterBoundedRetries() throws IOException {
        String closed = "http://127.0.0.1:" + TestCaddy.freePort();
        AtomicInteger attempts = new AtomicInteger();
        Retry retry = Retry.of("caddy", RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(10))
                .ignoreExceptions(CaddyRefused.class).build());
        retry.getEventPublisher().onRetry(event -> attempts.incrementAndGet());
        CaddyRoutes routes = routes(closed, "paas", retry);

        assertThatThrownBy(() -> routes.upstreamOf("anything"))
                .isInstanceOf(CaddyUnavailable.class)
                .hasMessageContaining("could not be reached");
        assertThat(attempts).hasValue(2);
    }

    private static CaddyRoutes routes(String adminUrl, String server) {
        return routes(adminUrl, server, Retry.of("caddy", RetryConfig.custom().maxAttempts(3)
                .waitDuration(Duration.ofMillis(50)).ignoreExceptions(CaddyRefused.class).build()));
    }

    private static CaddyRoutes routes(String adminUrl, String server, Retry retry) {
        URI admin = URI.create(adminUrl);
        ResilientCalls calls = new ResilientCalls(CircuitBreaker.ofDefaults("caddy"), retry,
                TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(5)).build()),
                new CaddyCallFailures(admin));
        return new CaddyRoutes(HttpClient.newHttpClient(), admin, server, urls, JsonMapper.builder().build(), calls);
    }

    /** A tiny HTTP server on 127.0.0.1 answering every request with {@code name}; returns its address. */
    private static String upstream(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = name.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        upstreams.add(server);
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private static String slug() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
