package dev.paas.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.tokens.testing.TestTokens;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A service that is down answers 503 with a problem naming it, not a bare error. */
class UnavailableServiceIT extends GatewayIntegrationTest {

    @DynamicPropertySource
    static void deadUpstream(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("PAAS_BILLING_SERVICE_URL", () -> "http://127.0.0.1:" + closedPort);
        registry.add("paas.gateway.api-tokens.exchange-url",
                () -> "http://127.0.0.1:" + closedPort + "/internal/api-tokens/exchange");
    }

    @Test
    void answersServiceUnavailableNamingTheService() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/billing/projects/1/usage"))
                        .header("Authorization", "Bearer " + TestTokens.shared().user(UUID.randomUUID())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("billing-service is unavailable");
    }

    @Test
    void answersServiceUnavailableNamingIdentityServiceWhenApiTokensCannotBeChecked() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/projects"))
                        .header("Authorization", "Bearer paas_pat_identityServiceIsDownRightNow0123456789").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("identity-service is unavailable");
    }
}
