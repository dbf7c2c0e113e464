package dev.paas.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Request rates the gateway allows, each as requests per {@code period} ({@code paas.gateway.rate-limits.*}).
 * Buckets live in Redis so that every gateway replica counts against the same limit.
 *
 * @param enabled whether requests are counted at all
 * @param period the window every limit refers to (1 minute)
 * @param perAddress API requests per client address (300)
 * @param perUser API requests per signed-in user (600)
 * @param signIn register, login, refresh and GitHub sign-in steps per client address (10)
 * @param deployments deployments triggered per user (20)
 * @param webhooks webhook deliveries per client address (120)
 * @param keyPrefix prefix of the Redis keys
 * @param redisTimeout how long a check may take before the request passes unchecked
 * @param retryAfterFailure how long Redis is left alone after a failed check; requests pass unchecked meanwhile
 */
@ConfigurationProperties("paas.gateway.rate-limits")
record RateLimitProperties(Boolean enabled, Duration period, Integer perAddress, Integer perUser, Integer signIn,
        Integer deployments, Integer webhooks, String keyPrefix, Duration redisTimeout, Duration retryAfterFailure) {

    RateLimitProperties {
        enabled = enabled == null || enabled;
        period = period == null ? Duration.ofMinutes(1) : period;
        perAddress = perAddress == null ? 300 : perAddress;
        perUser = perUser == null ? 600 : perUser;
        signIn = signIn == null ? 10 : signIn;
        deployments = deployments == null ? 20 : deployments;
        webhooks = webhooks == null ? 120 : webhooks;
        keyPrefix = keyPrefix == null ? "paas:rl:" : keyPrefix;
        redisTimeout = redisTimeout == null ? Duration.ofMillis(500) : redisTimeout;
        retryAfterFailure = retryAfterFailure == null ? Duration.ofSeconds(5) : retryAfterFailure;
    }
}
