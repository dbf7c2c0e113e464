package dev.paas.tokens.testing;

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
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
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
 * Plays identity-service's signing side in the tests of the gateway and every service (shipped in
 * token-verification's test-jar): an RSA key of the test JVM's own, its public half served as a key set on a random
 * loopback port, and access tokens for any user shaped like identity-service's. So tests authenticate without
 * identity-service:
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     TestTokens.registerWith(registry);           // paas.security.jwks-url -> this JVM's key set
 * }
 * ...
 * request.header("Authorization", TestTokens.bearer(TestTokens.shared().user(ownerId)));
 * }</pre>
 *
 * Besides good tokens it mints the forgeries everybody must refuse: expired, wrong issuer, wrong audience, a subject
 * that is no user id, {@code alg: none}, signed by another key under the published key id, signed by a key id that
 * is not published, and HS256 keyed with the public key.
 */
public final class TestTokens implements AutoCloseable {

    /** The issuer the platform expects by default ({@code paas.security.issuer}). */
    public static final String ISSUER = "paas";
    /** The audience every platform token names. */
    public static final String AUDIENCE = "paas-api";
    /** Where the key set is served, the path identity-service serves its own at. */
    public static final String JWKS_PATH = "/api/v1/auth/jwks";

    private static final Duration LIFETIME = Duration.ofMinutes(15);

    private static TestTokens shared;

    private final RSAKey key;
    private final RSAKey otherKey;
    private final RSAKey unpublishedKey;
    private final HttpServer server;

    private TestTokens(RSAKey key, RSAKey otherKey, RSAKey unpublishedKey, HttpServer server) {
        this.key = key;
        this.otherKey = otherKey;
        this.unpublishedKey = unpublishedKey;
        this.server = server;
    }

    /** One key and key set server for every test class of the JVM; stopped when the JVM exits. */
    public static synchronized TestTokens shared() {
        if (shared == null) {
            TestTokens tokens = start();
            Runtime.getRuntime().addShutdownHook(new Thread(tokens::close));
            shared = tokens;
        }
        return shared;
    }

    /** Points {@code paas.security.jwks-url} at the shared key set; returns the shared tokens. */
    public static TestTokens registerWith(DynamicPropertyRegistry registry) {
        TestTokens tokens = shared();
        registry.add("paas.security.jwks-url", tokens::jwksUrl);
        return tokens;
    }

    /** A new key and key set server of the caller's own; close it when done. */
    public static TestTokens start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            RSAKey otherKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            RSAKey unpublishedKey = new RSAKeyGenerator(2048).keyID("not-in-the-key-set").generate();
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext(JWKS_PATH, exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.start();
            return new TestTokens(key, otherKey, unpublishedKey, server);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a test RSA key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the test key set", e);
        }
    }

    /** Where the public key set is served. */
    public String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + JWKS_PATH;
    }

    /** {@code Bearer <token>}, the value of an {@code Authorization} header. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A valid access token of a plain user. */
    public String user(UUID userId) {
        return token(userId, "user");
    }

    /** A valid access token of an administrator. */
    public String admin(UUID userId) {
        return token(userId, "user", "admin");
    }

    /** A valid access token with the given roles. */
    public String token(UUID userId, String... roles) {
        return sign(key, claims(userId, roles).build());
    }

    /** A token of a plain user signed with the real key, its claims changed by {@code changes} first. */
    public String with(UUID userId, Consumer<JWTClaimsSet.Builder> changes) {
        JWTClaimsSet.Builder claims = claims(userId, "user");
        changes.accept(claims);
        return sign(key, claims.build());
    }

    /** Signed correctly but its subject is not a user id (the platform names users by UUID). */
    public String withSubject(String subject) {
        return with(UUID.randomUUID(), claims -> claims.subject(subject));
    }

    /** Signed correctly but expired ten minutes ago (well beyond any clock skew). */
    public String expired(UUID userId) {
        Instant issued = Instant.now().minus(LIFETIME).minus(Duration.ofMinutes(10));
        return with(userId, claims -> claims.issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(LIFETIME))));
    }

    /** Signed correctly but issued by someone else. */
    public String wrongIssuer(UUID userId) {
        return with(userId, claims -> claims.issuer("not-paas"));
    }

    /** Signed correctly but meant for another audience. */
    public String wrongAudience(UUID userId) {
        return with(userId, claims -> claims.audience("other-api"));
    }

    /** Unsigned ({@code alg: none}) and claiming the admin role. */
    public String algNone(UUID userId) {
        return new PlainJWT(claims(userId, "user", "admin").build()).serialize();
    }

    /** Signed by a key that is not in the key set, under the key id of the one that is. */
    public String otherKey(UUID userId) {
        return sign(otherKey, claims(userId, "user", "admin").build());
    }

    /** Signed by a key whose key id the key set does not list (a verifier fetches the key set again, in vain). */
    public String unknownKey(UUID userId) {
        return sign(unpublishedKey, claims(userId, "user", "admin").build());
    }

    /** HS256 with the public key as the shared secret, naming the real key id: the algorithm-confusion forgery. */
    public String hs256WithPublicKey(UUID userId) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims(userId, "user", "admin").build());
            jwt.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    private static JWTClaimsSet.Builder claims(UUID userId, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(userId.toString())
                .claim("email", "user-" + userId.toString().substring(0, 8) + "@test.paas")
                .claim("roles", List.of(roles))
                .claim("auth", "password")
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)));
    }

    private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
