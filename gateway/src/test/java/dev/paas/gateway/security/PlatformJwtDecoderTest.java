package dev.paas.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.WebFilterExchange;
import reactor.core.publisher.Mono;

/** The gateway starts while identity-service is down, and says so (503) instead of calling valid tokens bad. */
class PlatformJwtDecoderTest {

    @Test
    void fetchesNoKeysBeforeTheFirstTokenAndReportsAnOutageAsSuch() throws Exception {
        ReactiveJwtDecoder decoder = PlatformJwtDecoder.create(new EdgeSecurityProperties(
                "http://127.0.0.1:" + closedPort() + "/api/v1/auth/jwks", null, null, null, Duration.ofSeconds(1)));

        Throwable failure = catchFailure(decoder, validLookingToken());

        assertThat(failure).isInstanceOf(JwtException.class).isNotInstanceOf(BadJwtException.class);
    }

    @Test
    void answersServiceUnavailableNamingIdentityServiceWhenKeysCannotBeFetched() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/projects"));

        new SecurityProblems().onAuthenticationFailure(new WebFilterExchange(exchange, e -> Mono.empty()),
                new AuthenticationServiceException("cannot fetch keys")).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("identity-service is unavailable");
    }

    private static Throwable catchFailure(ReactiveJwtDecoder decoder, String token) {
        try {
            decoder.decode(token).block();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static String validLookingToken() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
                new JWTClaimsSet.Builder().issuer("paas").audience("paas-api").subject(UUID.randomUUID().toString())
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(900))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
