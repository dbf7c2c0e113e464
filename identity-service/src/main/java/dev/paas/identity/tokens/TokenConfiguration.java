package dev.paas.identity.tokens;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Token settings from configuration; scheduling is on for key rotation. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TokenConfiguration {

    @Bean
    TokenSettings tokenSettings(
            @Value("${paas.security.issuer:paas}") String issuer,
            @Value("${paas.security.audience:paas-api}") String audience,
            @Value("${paas.identity.access-token-ttl:15m}") Duration accessTokenTtl,
            @Value("${paas.identity.api-token-access-ttl:5m}") Duration apiTokenAccessTtl,
            @Value("${paas.security.clock-skew:30s}") Duration clockSkew,
            @Value("${paas.identity.key-rotation:30d}") Duration keyRotation) {
        return new TokenSettings(issuer, audience, accessTokenTtl, apiTokenAccessTtl, clockSkew, keyRotation);
    }
}
