package dev.paas.runtime.ingress;

import dev.paas.docker.ResilientCalls;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class IngressConfiguration {

    @Bean
    AppUrls appUrls(IngressProperties properties) {
        return new AppUrls(properties.baseDomain(), properties.ingress().port());
    }

    @Bean
    UpstreamDirectory upstreamDirectory(IngressProperties properties) {
        IngressProperties.UpstreamSettings settings = properties.ingress().upstreams();
        return new UpstreamDirectory(Path.of(settings.directory()), settings.zone());
    }

    @Bean
    Upstreams upstreams(IngressProperties properties) {
        IngressProperties.UpstreamSettings settings = properties.ingress().upstreams();
        return new Upstreams(settings.dns(), settings.port(), settings.refresh(), settings.tryDuration(),
                settings.idleTimeout());
    }

    @Bean
    CaddyRoutes caddyRoutes(IngressProperties properties, UpstreamDirectory directory, Upstreams upstreams,
            JsonMapper json,
            CircuitBreakerRegistry breakers, RetryRegistry retries, TimeLimiterRegistry timeLimiters) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.caddy().connectTimeout())
                .build();
        URI admin = URI.create(properties.caddy().adminUrl());
        return new CaddyRoutes(http, admin, properties.caddy().server(), directory, upstreams, json, ResilientCalls.of(
                CaddyRoutes.INSTANCE, breakers, retries, timeLimiters, new CaddyCallFailures(admin)));
    }
}
