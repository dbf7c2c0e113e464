package dev.paas.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.tokens.testing.TestTokens;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A service starts and stays healthy while identity-service (its key set) is down; tokens then cannot be checked. */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "paas.security.jwks-timeout=1s")
class KeySetUnreachableIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void deadKeySet(DynamicPropertyRegistry registry) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("paas.security.jwks-url", () -> "http://127.0.0.1:" + closedPort + "/jwks");
    }

    @Test
    void startsHealthyAndAnswers503ForTokensItCannotVerify() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);

        HttpResponse<String> response = get("/api/v1/things/" + UUID.randomUUID(),
                TestTokens.shared().user(UUID.randomUUID()));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("identity-service is unavailable right now (its signing keys cannot be fetched)");
        assertThat(get("/api/v1/things/" + UUID.randomUUID(), null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
