package dev.paas.gateway.apitokens;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How personal API tokens are exchanged for access tokens ({@code paas.gateway.api-tokens.*}).
 *
 * @param exchangeUrl identity-service's exchange endpoint
 * @param cacheTtl how long an exchange is reused at most (never beyond the minted token's expiry)
 * @param cacheSize how many exchanges are kept at most
 * @param timeout how long identity-service may take to answer
 */
@ConfigurationProperties("paas.gateway.api-tokens")
record ApiTokenProperties(URI exchangeUrl, Duration cacheTtl, Integer cacheSize, Duration timeout) {

    ApiTokenProperties {
        exchangeUrl = exchangeUrl == null ? URI.create("http://127.0.0.1:8081/internal/api-tokens/exchange")
                : exchangeUrl;
        cacheTtl = cacheTtl == null ? Duration.ofSeconds(30) : cacheTtl;
        cacheSize = cacheSize == null ? 10_000 : cacheSize;
        timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
    }
}
