package dev.paas.gateway.apitokens;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the API token exchange in front of authentication. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiTokenProperties.class)
class ApiTokens {

    @Bean
    ApiTokenExchangeFilter apiTokenExchangeFilter(ApiTokenProperties properties) {
        Clock clock = Clock.systemUTC();
        return new ApiTokenExchangeFilter(new IdentityTokenExchange(properties, clock),
                new ExchangedTokens(properties.cacheSize(), clock));
    }
}
