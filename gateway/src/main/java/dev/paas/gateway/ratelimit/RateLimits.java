package dev.paas.gateway.ratelimit;

import dev.paas.gateway.edge.ClientAddress;
import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Two counting stages: by client address before the API token exchange and authentication (so floods of bad
 * credentials are cut early), and by user after authentication (Spring Security runs at -100).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimits {

    @Bean
    TokenBuckets tokenBuckets(ReactiveStringRedisTemplate redis, RateLimitProperties properties,
            MeterRegistry meters) {
        return new TokenBuckets(redis, properties, meters, Clock.systemUTC());
    }

    @Bean
    RateLimitFilter addressRateLimitFilter(TokenBuckets limiter, RateLimitProperties properties) {
        RateLimitPolicy policy = new RateLimitPolicy(properties);
        return new RateLimitFilter(-250, exchange -> properties.enabled()
                ? Mono.just(policy.forAddress(exchange.getRequest(), ClientAddress.of(exchange)))
                : Mono.just(List.of()), limiter);
    }

    @Bean
    RateLimitFilter userRateLimitFilter(TokenBuckets limiter, RateLimitProperties properties) {
        RateLimitPolicy policy = new RateLimitPolicy(properties);
        return new RateLimitFilter(-90, exchange -> !properties.enabled() ? Mono.just(List.of())
                : exchange.getPrincipal()
                        .filter(JwtAuthenticationToken.class::isInstance)
                        .map(principal -> policy.forUser(exchange.getRequest(), principal.getName())), limiter);
    }

    /**
     * While Redis is down, commands fail at once instead of queueing until it is back: the limiter fails open and
     * must not hold requests.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
