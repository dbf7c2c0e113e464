package dev.paas.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.tokens.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With Redis unreachable the gateway keeps serving: rate limits fail open and the misses are counted. */
class RedisOutageIT extends GatewayIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void redisDown(DynamicPropertyRegistry registry) throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            int closedPort = socket.getLocalPort();
            registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + closedPort);
        }
    }

    @Test
    void passesRequestsUncheckedWhileRedisIsDown() {
        String address = EdgeAuthenticationIT.uniqueAddress();

        for (int i = 0; i < 15; i++) {
            HttpResponse<String> response = gateway.send(gateway.to("/api/v1/auth/login")
                    .header("X-Forwarded-For", address)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(response.statusCode()).as("sign-in %d", i + 1).isEqualTo(200);
        }
        HttpResponse<String> signedIn = gateway.get("/api/v1/projects", TestTokens.shared().user(UUID.randomUUID()));

        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(SERVICES.count("/api/v1/auth/login")).isEqualTo(15);
        assertThat(meters.counter("paas.gateway.ratelimit.unchecked").count()).isGreaterThanOrEqualTo(16);
        assertThat(gateway.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }
}
