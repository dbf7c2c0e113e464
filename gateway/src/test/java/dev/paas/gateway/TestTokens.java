package dev.paas.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Plays identity-service's signing side for gateway tests: an RSA key whose public half is served as a JWKS from a
 * loopback HTTP server, and access tokens shaped like identity-service's (plus the forgeries it must refuse).
 */
final class TestTokens {

    static final String ISSUER = "paas";
    static final String AUDIENCE = "paas-api";

    private static TestTokens shared;

    private final RSAKey signingKey;
    private final RSAKey strangerKey;
    private final HttpServer jwks;

    private TestTokens() throws JOSEException, IOException {
        signingKey = new RSAKeyGenerator(2048).keyID("gateway-test-key").generate();
        strangerKey = new RSAKeyGenerator(2048).keyID("not-in-the-jwks").generate();
        byte[] keySet = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/api/v1/auth/jwks", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, keySet.length);
            exchange.getResponseBody().write(keySet);
            exchange.close();
        });
        jwks.start();
    }

    /** The key set and its server, shared by every test context of this JVM. */
    static synchronized TestTokens shared() {
        if (shared == null) {
            try {
                shared = new TestTokens();
            } catch (JOSEException | IOException e) {
                throw new IllegalStateException("cannot set up test tokens: " + e.getMessage(), e);
            }
        }
        return shared;
    }

    /** Points the gateway's token verification at this key set. */
    static void register(DynamicPropertyRegistry registry) {
        TestTokens tokens = shared();
        registry.add("paas.security.jwks-url", tokens::jwksUrl);
    }

    String jwksUrl() {
        return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/api/v1/auth/jwks";
    }

    /** A valid access token of a new user. */
    String user() {
        return user(UUID.randomUUID());
    }

    String user(UUID userId) {
        return signed(signingKey, claims -> claims.subject(userId.toString()));
    }

    /** A valid access token of a new administrator. */
    String admin() {
        return signed(signingKey, claims -> claims.claim("roles", List.of("user", "admin")));
    }

    /** A valid access token with the standard claims changed by {@code changes}. */
    String with(Consumer<JWTClaimsSet.Builder> changes) {
        return signed(signingKey, changes);
    }

    String expired() {
        Instant issued = Instant.now().minus(Duration.ofHours(1));
        return signed(signingKey, claims -> claims.issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(Duration.ofMinutes(15)))));
    }

    String wrongIssuer() {
        return signed(signingKey, claims -> claims.issuer("someone-else"));
    }

    String wrongAudience() {
        return signed(signingKey, claims -> claims.audience("another-api"));
    }

    /** Correctly formed and signed, but by a key identity-service never published. */
    String unknownKey() {
        return signed(strangerKey, claims -> {
        });
    }

    /** The classic downgrade: {@code alg: none}, no signature at all. */
    String algNone() {
        return new PlainJWT(claims(builder -> {
        })).serialize();
    }

    /** The other classic: HS256 with the (public) RSA key as the HMAC secret, naming the real key id. */
    String hs256WithPublicKey() {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(signingKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims(builder -> {
                    }));
            jwt.sign(new MACSigner(signingKey.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String signed(RSAKey key, Consumer<JWTClaimsSet.Builder> changes) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims(changes));
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> changes) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(UUID.randomUUID().toString())
                .claim("email", "someone@example.test")
                .claim("roles", List.of("user"))
                .claim("auth", "password")
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))));
        changes.accept(claims);
        return claims.build();
    }
}
