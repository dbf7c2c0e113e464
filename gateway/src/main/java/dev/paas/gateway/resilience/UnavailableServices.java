package dev.paas.gateway.resilience;

import dev.paas.problems.Problems;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a caller gets when the service behind a route cannot be reached or its circuit breaker is open: a 503 problem
 * naming the service, at once, instead of a hanging request or a bare 500.
 */
@RestController
@Configuration(proxyBeanMethods = false)
class UnavailableServices {

    @RequestMapping("/unavailable/{service}")
    ProblemDetail unavailable(@PathVariable String service) {
        return Problems.serviceUnavailable(service);
    }

    /**
     * Breakers open after half of at least 10 calls failed and probe again after 10 s. The time limit stays above the
     * gateway's own response timeout, so slow but healthy requests (large build logs) are not cut short.
     */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults() {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(20)
                        .minimumNumberOfCalls(10)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(10))
                        .build())
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(35)).build())
                .build());
    }
}
