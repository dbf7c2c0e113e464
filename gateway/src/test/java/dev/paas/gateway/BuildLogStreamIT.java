package dev.paas.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A followed build log passes through the gateway as it is written: each server-sent event reaches the client while
 * build-service still holds the rest back, the stream outlasts the gateway's response timeout (set to 1 s here), and
 * {@code Last-Event-ID} reaches build-service so a client can resume.
 */
class BuildLogStreamIT extends GatewayIntegrationTest {

    private static final CountDownLatch FIRST_EVENT_SEEN = new CountDownLatch(1);
    private static final AtomicReference<String> LAST_EVENT_ID = new AtomicReference<>();
    private static HttpServer buildService;

    @DynamicPropertySource
    static void streamingBuildService(DynamicPropertyRegistry registry) throws IOException {
        buildService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        buildService.createContext("/", exchange -> {
            LAST_EVENT_ID.set(exchange.getRequestHeaders().getFirst("Last-Event-ID"));
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                write(body, "id:8\nevent:line\ndata:{\"text\":\"first\"}\n\n");
                boolean seen = FIRST_EVENT_SEEN.await(20, TimeUnit.SECONDS);
                // Silent for longer than the gateway's response timeout, as between heartbeats.
                Thread.sleep(1500);
                write(body, ":keep-alive\n\n");
                write(body, "id:9\nevent:line\ndata:{\"text\":\"" + (seen ? "second" : "first was held back")
                        + "\"}\n\nevent:end\ndata:{\"outcome\":\"succeeded\"}\n\n");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        buildService.start();
        registry.add("PAAS_BUILD_SERVICE_URL", () -> "http://127.0.0.1:" + buildService.getAddress().getPort());
        registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "1s");
    }

    @AfterAll
    static void stopBuildService() {
        buildService.stop(0);
    }

    @Test
    void streamsEachEventAsSoonAsBuildServiceSendsIt() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/deployments/" + UUID.randomUUID() + "/build-log?follow=true"))
                .header("Authorization", "Bearer " + TOKENS.user(UUID.randomUUID()))
                .header("Accept", "text/event-stream")
                .header("Last-Event-ID", "7")
                .build();

        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader events = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/event-stream"));
            assertThat(events.readLine()).isEqualTo("id:8");
            assertThat(events.readLine()).isEqualTo("event:line");
            assertThat(events.readLine()).isEqualTo("data:{\"text\":\"first\"}");
            FIRST_EVENT_SEEN.countDown();

            StringBuilder rest = new StringBuilder();
            String line;
            while ((line = events.readLine()) != null) {
                rest.append(line).append('\n');
            }
            assertThat(rest.toString()).contains("data:{\"text\":\"second\"}", "event:end");
        }
        assertThat(LAST_EVENT_ID.get()).isEqualTo("7");
    }

    /** The circuit breaker's 35 s time limit would end a stream that lasts longer: the stream's route has none. */
    @Test
    void routesFollowedLogsPastTheCircuitBreaker() throws Exception {
        HttpResponse<String> routes = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/actuator/gateway/routes/build-log-stream"))
                .header("Authorization", "Bearer " + TOKENS.admin(UUID.randomUUID())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(routes.statusCode()).isEqualTo(200);
        assertThat(routes.body()).contains("follow", "\"response-timeout\":-1").doesNotContain("CircuitBreaker");
    }

    private static void write(OutputStream body, String text) throws IOException {
        body.write(text.getBytes(StandardCharsets.UTF_8));
        body.flush();
    }
}
