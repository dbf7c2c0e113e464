package dev.paas.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Takes a token from each of a request's buckets in one atomic Redis script. Fails open: when Redis cannot be
 * reached the request passes unchecked, which is counted and logged at most once a minute, and Redis is left alone
 * for a few seconds so that an outage does not cost every request a connection attempt.
 */
final class TokenBuckets {

    private static final Logger log = LoggerFactory.getLogger(TokenBuckets.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> SCRIPT = RedisScript.of(
            new ClassPathResource("dev/paas/gateway/ratelimit/token-buckets.lua"), List.class);
    private static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

    private final ReactiveStringRedisTemplate redis;
    private final RateLimitProperties properties;
    private final Counter unchecked;
    private final Clock clock;
    private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.MIN);
    private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.MIN);

    TokenBuckets(ReactiveStringRedisTemplate redis, RateLimitProperties properties, MeterRegistry meters,
            Clock clock) {
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
        this.unchecked = Counter.builder("paas.gateway.ratelimit.unchecked")
                .description("Requests let through without a rate-limit check because Redis could not be reached")
                .register(meters);
    }

    Mono<Decision> acquire(List<Bucket> buckets) {
        if (clock.instant().isBefore(pausedUntil.get())) {
            unchecked.increment();
            return Mono.just(Decision.unchecked());
        }
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        for (Bucket bucket : buckets) {
            keys.add(properties.keyPrefix() + bucket.key());
            args.add(Integer.toString(bucket.capacity()));
            args.add(Long.toString(bucket.period().toMillis()));
        }
        return redis.execute(SCRIPT, keys, args)
                .next()
                .map(result -> decision(buckets, result))
                .timeout(properties.redisTimeout())
                .onErrorResume(this::failOpen);
    }

    private static Decision decision(List<Bucket> buckets, List<?> result) {
        boolean allowed = number(result.get(0)) == 1;
        long remaining = Math.max(0, number(result.get(1)));
        Bucket tightest = buckets.get((int) number(result.get(2)) - 1);
        long waitMillis = number(result.get(3));
        long retryAfter = allowed ? 0 : Math.max(1, (waitMillis + 999) / 1000);
        return new Decision(allowed, true, tightest, remaining, retryAfter);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private Mono<Decision> failOpen(Throwable failure) {
        Instant now = clock.instant();
        pausedUntil.set(now.plus(properties.retryAfterFailure()));
        unchecked.increment();
        Instant last = lastWarning.get();
        if (!now.isBefore(last.plus(WARNING_INTERVAL)) && lastWarning.compareAndSet(last, now)) {
            log.warn("rate limits are not enforced: Redis cannot be reached ({}); requests pass unchecked and are "
                    + "counted in paas.gateway.ratelimit.unchecked", failure.toString());
        }
        return Mono.just(Decision.unchecked());
    }
}
