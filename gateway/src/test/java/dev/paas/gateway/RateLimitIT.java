package dev.paas.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.tokens.testing.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Rate limits in Redis as the gateway applies them. Every test calls from addresses and as users of its own, and
 * each test context has its own key prefix, so no count leaks between tests or runs. The per-address and per-user
 * limits are lowered to keep the bursts small; the sign-in and deployment limits are the defaults. Buckets refill
 * continuously, so a test asserts that a full bucket's worth passes and that the burst beyond it is cut, not exactly
 * where: a slow machine may earn a token back meanwhile.
 */
class RateLimitIT extends GatewayIntegrationTest {

    @DynamicPropertySource
    static void lowerLimits(DynamicPropertyRegistry registry) {
        registry.add("paas.gateway.rate-limits.per-address", () -> "30");
        registry.add("paas.gateway.rate-limits.per-user", () -> "40");
        registry.add("paas.gateway.rate-limits.webhooks", () -> "5");
    }

    @Test
    void refusesTheEleventhSignInFromOneAddressWithinAMinute() {
        String address = EdgeAuthenticationIT.uniqueAddress();

        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            responses.add(signIn(address));
        }

        assertThat(responses.subList(0, 10)).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
        assertThat(responses.subList(10, 15)).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(429));
        HttpResponse<String> eleventh = responses.get(10);
        assertThat(Long.parseLong(eleventh.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 6L);
        assertThat(eleventh.headers().firstValue("RateLimit-Limit")).hasValue("10");
        assertThat(eleventh.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        assertThat(eleventh.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(eleventh.body()).contains("sign-in attempts from this address");
        assertThat(signIn(EdgeAuthenticationIT.uniqueAddress()).statusCode()).isEqualTo(200);
    }

    @Test
    void announcesWhatIsLeftOnPassingRequests() {
        String address = EdgeAuthenticationIT.uniqueAddress();

        HttpResponse<String> first = signIn(address);
        HttpResponse<String> second = signIn(address);

        assertThat(first.headers().firstValue("RateLimit-Limit")).hasValue("10");
        assertThat(first.headers().firstValue("RateLimit-Remaining")).hasValue("9");
        assertThat(second.headers().firstValue("RateLimit-Remaining")).hasValue("8");
    }

    @Test
    void limitsApiRequestsPerAddressWhoeverSendsThem() {
        String address = EdgeAuthenticationIT.uniqueAddress();

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // A new user each time: only the address is shared.
            statuses.add(gateway.send(gateway.to("/api/v1/projects")
                    .header("Authorization", "Bearer " + TOKENS.user(UUID.randomUUID()))
                    .header("X-Forwarded-For", address)).statusCode());
        }

        assertThat(statuses.subList(0, 30)).containsOnly(200);
        assertThat(statuses.subList(30, 40)).contains(429);
    }

    @Test
    void limitsApiRequestsPerUserFromWhereverTheyCome() {
        String token = TOKENS.user(UUID.randomUUID());

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            statuses.add(gateway.send(gateway.to("/api/v1/projects")
                    .header("Authorization", "Bearer " + token)
                    .header("X-Forwarded-For", EdgeAuthenticationIT.uniqueAddress())).statusCode());
        }

        assertThat(statuses.subList(0, 40)).containsOnly(200);
        assertThat(statuses.subList(40, 50)).contains(429);
    }

    @Test
    void limitsDeploymentsPerUser() {
        UUID projectId = UUID.randomUUID();
        String token = TOKENS.user(UUID.randomUUID());
        String path = "/api/v1/projects/" + projectId + "/deployments";

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            statuses.add(gateway.send(gateway.to(path)
                    .header("Authorization", "Bearer " + token)
                    .header("X-Forwarded-For", EdgeAuthenticationIT.uniqueAddress())
                    .POST(HttpRequest.BodyPublishers.noBody())).statusCode());
        }
        HttpResponse<String> otherUser = gateway.send(gateway.to(path)
                .header("Authorization", "Bearer " + TOKENS.user(UUID.randomUUID()))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(statuses.subList(0, 20)).containsOnly(200);
        assertThat(statuses.subList(20, 25)).contains(429);
        // Refused triggers never reach project-service; the other user's one does.
        assertThat(SERVICES.count(path)).isEqualTo(statuses.stream().filter(status -> status == 200).count() + 1);
        assertThat(otherUser.statusCode()).isEqualTo(200);
    }

    @Test
    void limitsWebhookDeliveriesPerAddress() {
        String address = EdgeAuthenticationIT.uniqueAddress();

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            statuses.add(gateway.send(gateway.to("/webhooks/github")
                    .header("X-Forwarded-For", address)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode());
        }

        assertThat(statuses.subList(0, 5)).doesNotContain(429);
        assertThat(statuses.subList(5, 7)).contains(429);
    }

    private HttpResponse<String> signIn(String address) {
        return gateway.send(gateway.to("/api/v1/auth/login")
                .header("X-Forwarded-For", address)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"a@example.test\",\"password\":\"x\"}")));
    }
}
