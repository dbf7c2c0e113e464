package dev.paas.runtime.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.paas.docker.ResilientCalls;
import dev.paas.runtime.testing.TestCaddy;
import dev.paas.runtime.testing.TestDnsmasq;
import dev.paas.runtime.testing.TestHttp;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link CaddyRoutes} and {@link UpstreamDirectory} against a real Caddy and dnsmasq of the test's own, routing to
 * tiny upstreams the test runs on loopback addresses of their own, all on one port, as replicas are published.
 */
class CaddyRoutesIT {

    private static TestCaddy caddy;
    private static UpstreamDirectory directory;
    private static Upstreams settings;
    private static int port;
    private static final List<HttpServer> upstreams = new ArrayList<>();
    private static final AppUrls urls = new AppUrls("paas.localhost", 8000);
    private static final AtomicInteger addresses = new AtomicInteger(1);

    @BeforeAll
    static void startCaddy() throws IOException {
        caddy = TestCaddy.start();
        TestDnsmasq dns = TestDnsmasq.shared();
        directory = new UpstreamDirectory(Path.of(dns.directory().toString()), "apps.paas.internal");
        port = TestCaddy.freePort();
        settings = new Upstreams(dns.address(), port, Duration.ofMillis(250), Duration.ofSeconds(2),
                Duration.ofSeconds(2));
    }

    @AfterAll
    static void stopEverything() {
        upstreams.forEach(server -> server.stop(0));
        caddy.close();
    }

    @Test
    void routesAHostToItsServingReplicasThenSwitchesWithoutTouchingCaddysConfig() throws IOException {
        String slug = slug();
        String host = urls.host(slug);
        String blue = upstream("blue");
        String green = upstream("green");
        CaddyRoutes routes = routes(caddy.adminUrl(), "paas");

        assertThat(routes.ensureRoute(slug, List.of(host))).isTrue();
        directory.serve(slug, List.of(blue));
        awaitAnswer(host, "blue");
        String config = caddy.routesJson();

        directory.serve(slug, List.of(green));

        awaitAnswer(host, "green");
        for (int i = 0; i < 20; i++) {
            assertThat(caddy.get(host).body()).as("the old replica gets nothing once Caddy has the new set")
                    .isEqualTo("green");
        }
        assertThat(routes.ensureRoute(slug, List.of(host))).as("nothing to change").isFalse();
        assertThat(caddy.routesJson()).as("the switch changed no configuration").isEqualTo(config);
        assertThat(occurrences(caddy.routesJson(), "\"app-" + slug + "\"")).as("one route per app").isEqualTo(1);

        routes.remove(slug);
        directory.serve(slug, List.of());
        assertThat(caddy.get(host)).isEqualTo(new TestHttp.Response(404, TestCaddy.NOT_FOUND_BODY));
        assertThat(routes.hostsOf(slug)).isEmpty();
        routes.remove(slug);
    }

    @Test
    void keepsAClientsKeepAliveConnectionOpenAcrossSwitches() throws IOException {
        String slug = slug();
        String host = urls.host(slug);
        List<String> replicas = List.of(upstream("one"), upstream("two"));
        CaddyRoutes routes = routes(caddy.adminUrl(), "paas");
        routes.ensureRoute(slug, List.of(host));
        directory.serve(slug, List.of(replicas.get(0)));
        awaitAnswer(host, "one");

        try (Socket client = new Socket("127.0.0.1", caddy.httpPort())) {
            client.setSoTimeout(5000);
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = client.getOutputStream();
            List<String> answers = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                directory.serve(slug, List.of(replicas.get(i % 2)));
                String expected = i % 2 == 0 ? "one" : "two";
                String answer;
                do {
                    answer = exchange(out, in, host);
                } while (!answer.equals(expected));
                answers.add(answer);
            }
            assertThat(answers).hasSize(10);
        }
        routes.remove(slug);
        directory.serve(slug, List.of());
    }

    @Test
    void rewritesTheRouteWhenItsHostNamesChange() throws IOException {
        String slug = slug();
        CaddyRoutes routes = routes(caddy.adminUrl(), "paas");
        routes.ensureRoute(slug, List.of(urls.host(slug)));
        directory.serve(slug, List.of(upstream("shop")));
        awaitAnswer(urls.host(slug), "shop");

        assertThat(routes.ensureRoute(slug, List.of(urls.host(slug), "shop.example.com"))).isTrue();

        awaitAnswer("shop.example.com", "shop");
        assertThat(routes.hostsOf(slug)).contains(List.of(urls.host(slug), "shop.example.com"));
        assertThat(routes.routedApps()).contains(slug);
        routes.remove(slug);
        directory.serve(slug, List.of());
    }

    @Test
    void putsNewRoutesAheadOfTheCatchAll() {
        String slug = slug();
        CaddyRoutes routes = routes(caddy.adminUrl(), "paas");

        routes.ensureRoute(slug, List.of(urls.host(slug)));

        String json = caddy.routesJson();
        assertThat(json.indexOf("\"app-" + slug + "\"")).isLessThan(json.indexOf("\"not-found\""));
        routes.remove(slug);
    }

    @Test
    void reportsARefusedChangeWithoutRetryingIt() {
        CaddyRoutes routes = routes(caddy.adminUrl(), "no-such-server");

        assertThatThrownBy(() -> routes.ensureRoute(slug(), List.of("x.paas.localhost")))
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

        assertThatThrownBy(() -> routes.hostsOf("anything"))
                .isInstanceOf(CaddyUnavailable.class)
                .hasMessageContaining("could not be reached");
        assertThat(attempts).hasValue(2);
    }

    private static String exchange(OutputStream out, BufferedReader in, String host) {
        try {
            out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = in.readLine();
            assertThat(status).as("the connection is still open").isNotNull().startsWith("HTTP/1.1 200");
            int length = 0;
            for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
                assertThat(line.toLowerCase()).as("Caddy does not close the connection").isNotEqualTo(
                        "connection: close");
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            char[] body = new char[length];
            int read = 0;
            while (read < length) {
                read += in.read(body, read, length - read);
            }
            return new String(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitAnswer(String host, String body) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> caddy.get(host).equals(new TestHttp.Response(200, body)));
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
        return new CaddyRoutes(HttpClient.newHttpClient(), admin, server, directory, settings,
                JsonMapper.builder().build(), calls);
    }

    /** A tiny HTTP server on a loopback address of its own answering every request with {@code name}; its IP. */
    private static String upstream(String name) throws IOException {
        String ip = "127.97.0." + addresses.getAndIncrement();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(ip), port), 0);
        server.createContext("/", exchange -> {
            byte[] body = name.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        upstreams.add(server);
        return ip;
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
