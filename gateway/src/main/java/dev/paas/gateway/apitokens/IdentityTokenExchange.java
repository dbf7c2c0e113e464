package dev.paas.gateway.apitokens;

import com.nimbusds.jwt.JWTParser;
import io.netty.channel.ChannelOption;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/** Calls identity-service's {@code POST /internal/api-tokens/exchange}: an API token in, an access token out. */
final class IdentityTokenExchange {

    private static final Logger log = LoggerFactory.getLogger(IdentityTokenExchange.class);

    /** What identity-service made of an API token. */
    sealed interface Outcome {
    }

    /** The token is valid: here is an access token, usable until {@code expiresAt}. */
    record Minted(String accessToken, Instant expiresAt) implements Outcome {
    }

    /** Unknown, expired or revoked token, or a disabled user. */
    record Refused() implements Outcome {
    }

    /** identity-service could not be asked. */
    record Unavailable(String reason) implements Outcome {
    }

    private record ExchangeAnswer(String accessToken, Long expiresIn) {
    }

    private final WebClient client;
    private final ApiTokenProperties properties;
    private final Clock clock;

    IdentityTokenExchange(ApiTokenProperties properties, Clock clock) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.timeout().toMillis())
                .responseTimeout(properties.timeout());
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
        this.properties = properties;
        this.clock = clock;
    }

    Mono<Outcome> exchange(String apiToken) {
        return client.post()
                .uri(properties.exchangeUrl())
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", apiToken))
                .exchangeToMono(this::read)
                .timeout(properties.timeout())
                .onErrorResume(e -> {
                    log.warn("cannot exchange an API token at {}: {}", properties.exchangeUrl(), e.toString());
                    return Mono.just(new Unavailable(e.getMessage()));
                });
    }

    private Mono<Outcome> read(ClientResponse response) {
        HttpStatus status = HttpStatus.resolve(response.statusCode().value());
        if (status == HttpStatus.OK) {
            return response.bodyToMono(ExchangeAnswer.class)
                    .map(this::minted)
                    .defaultIfEmpty(new Unavailable("identity-service answered without a body"));
        }
        if (status == HttpStatus.BAD_REQUEST || status == HttpStatus.UNAUTHORIZED || status == HttpStatus.FORBIDDEN) {
            return response.releaseBody().thenReturn(new Refused());
        }
        log.warn("identity-service answered {} to an API token exchange", response.statusCode());
        return response.releaseBody().thenReturn(new Unavailable("identity-service answered " + response.statusCode()));
    }

    private Outcome minted(ExchangeAnswer answer) {
        if (answer.accessToken() == null || answer.accessToken().isBlank()) {
            return new Unavailable("identity-service answered without an access token");
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.cacheTtl());
        if (answer.expiresIn() != null) {
            expiresAt = earliest(expiresAt, now.plusSeconds(answer.expiresIn()));
        }
        Instant tokenExpiry = expiryOf(answer.accessToken());
        if (tokenExpiry != null) {
            expiresAt = earliest(expiresAt, tokenExpiry);
        }
        return new Minted(answer.accessToken(), expiresAt);
    }

    /** The token's own {@code exp}, read without verifying: the gateway's authentication verifies it next. */
    private static Instant expiryOf(String accessToken) {
        try {
            Date expiry = JWTParser.parse(accessToken).getJWTClaimsSet().getExpirationTime();
            return expiry == null ? null : expiry.toInstant();
        } catch (ParseException e) {
            return null;
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
