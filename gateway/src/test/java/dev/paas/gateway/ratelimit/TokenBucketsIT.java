package dev.paas.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The token buckets against the machine's Redis (127.0.0.1:6379), each test with keys of its own: two limiters with
 * their own connections stand for two gateway replicas.
 */
class TokenBucketsIT {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final String prefix = "paas:rl:test:" + UUID.randomUUID() + ":";
    private final List<LettuceConnectionFactory> connections = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void disconnect() {
        connections.forEach(LettuceConnectionFactory::destroy);
    }

    @Test
    void sharesItsBucketsBetweenGatewayReplicas() {
        TokenBuckets first = limiter(6379);
        TokenBuckets second = limiter(6379);
        List<Bucket> signIns = List.of(new Bucket("sign-in:192.0.2.1", 10, MINUTE, "sign-in attempts"));

        for (int i = 0; i < 10; i++) {
            Decision decision = (i % 2 == 0 ? first : second).acquire(signIns).block();
            assertThat(decision.allowed()).as("request %d", i + 1).isTrue();
            assertThat(decision.remaining()).isEqualTo(9 - i);
        }
        Decision eleventh = first.acquire(signIns).block();
        Decision twelfth = second.acquire(signIns).block();

        assertThat(eleventh.allowed()).isFalse();
        assertThat(eleventh.checked()).isTrue();
        assertThat(eleventh.retryAfterSeconds()).isBetween(1L, 6L);
        assertThat(twelfth.allowed()).isFalse();
    }

    @Test
    void takesNothingFromAnyBucketWhenOneIsEmpty() {
        TokenBuckets limiter = limiter(6379);
        Bucket deploys = new Bucket("deploy:u1", 1, MINUTE, "deployments");
        Bucket requests = new Bucket("user:u1", 5, MINUTE, "requests");

        assertThat(limiter.acquire(List.of(requests, deploys)).block().allowed()).isTrue();
        Decision refused = limiter.acquire(List.of(requests, deploys)).block();
        Decision next = limiter.acquire(List.of(requests)).block();

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.tightest()).isEqualTo(deploys);
        // The refused request took no token from the user's general bucket: 5 - 1 (first) - 1 (this one).
        assertThat(next.remaining()).isEqualTo(3);
    }

    @Test
    void letsItsKeysExpireWhenTheBucketWouldBeFullAgain() {
        TokenBuckets limiter = limiter(6379);
        limiter.acquire(List.of(new Bucket("address:192.0.2.9", 300, MINUTE, "requests"))).block();

        Duration ttl = template(6379).getExpire(prefix + "address:192.0.2.9").block();

        assertThat(ttl).isPositive().isLessThanOrEqualTo(MINUTE);
    }

    @Test
    void letsRequestsPassUncheckedWhileRedisIsDown() throws IOException {
        TokenBuckets limiter = limiter(closedPort());
        List<Bucket> signIns = List.of(new Bucket("sign-in:192.0.2.2", 1, MINUTE, "sign-in attempts"));

        Decision first = limiter.acquire(signIns).block();
        Decision second = limiter.acquire(signIns).block();

        assertThat(first.allowed()).isTrue();
        assertThat(first.checked()).isFalse();
        assertThat(second.allowed()).isTrue();
        assertThat(meters.counter("paas.gateway.ratelimit.unchecked").count()).isEqualTo(2);
    }

    private TokenBuckets limiter(int port) {
        RateLimitProperties properties = new RateLimitProperties(true, MINUTE, null, null, null, null, null, prefix,
                Duration.ofSeconds(2), null);
        return new TokenBuckets(template(port), properties, meters, Clock.systemUTC());
    }

    private ReactiveStringRedisTemplate template(int port) {
        LettuceConnectionFactory connection = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", port),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(1)).build());
        connection.afterPropertiesSet();
        connection.start();
        connections.add(connection);
        return new ReactiveStringRedisTemplate(connection);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
