package dev.paas.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.paas.identity.Api;
import dev.paas.identity.Api.Response;
import dev.paas.identity.IdentityIntegrationTest;
import dev.paas.identity.secrets.SecretBox;
import dev.paas.tokens.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Access tokens are verified strictly: forgeries of every usual kind get 401, and rotating the signing key keeps
 * earlier tokens valid while the JWKS lists both keys.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenVerificationIT extends IdentityIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SecretBox box;

    private String adminToken;
    private String userId;

    @BeforeAll
    void signIn() {
        adminToken = api().register("keymaster@example.com").text("accessToken");
        userId = api().register("holder@example.com").json().get("user").get("id").asString();
    }

    private int meStatus(String token) {
        return api().as(token).get("/api/v1/auth/me").status();
    }

    /** The active signing key with its private half, read the way the service reads it. */
    private RSAKey activeKey() throws Exception {
        String sealed = jdbc.queryForObject("select private_key from signing_keys where retired_at is null "
                + "order by activated_at desc limit 1", String.class);
        return RSAKey.parse(box.open(sealed, "signing-key"));
    }

    private JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer("paas").audience("paas-api").subject(userId)
                .claim("email", "holder@example.com").claim("roles", List.of("user")).claim("auth", "password")
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)));
    }

    private String signed(RSAKey key, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder claims = validClaims();
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void acceptsATokenSignedWithTheRealKeyAndValidClaims() throws Exception {
        assertThat(meStatus(signed(activeKey(), claims -> { }))).isEqualTo(200);
    }

    @Test
    void rejectsAlgNone() {
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                .toString();
        String payload = validClaims().build().toPayload().toBase64URL().toString();
        assertThat(meStatus(header + "." + payload + ".")).isEqualTo(401);
    }

    @Test
    void rejectsHs256SignedWithThePublicKey() throws Exception {
        RSAKey real = activeKey();
        for (byte[] secret : List.of(real.toRSAPublicKey().getEncoded(),
                real.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8))) {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(real.getKeyID()).build(),
                    validClaims().build());
            jwt.sign(new MACSigner(secret));
            assertThat(meStatus(jwt.serialize())).isEqualTo(401);
        }
    }

    @Test
    void rejectsAWrongIssuerOrAudience() throws Exception {
        RSAKey real = activeKey();
        assertThat(meStatus(signed(real, claims -> claims.issuer("evil")))).isEqualTo(401);
        assertThat(meStatus(signed(real, claims -> claims.audience("other-api")))).isEqualTo(401);
    }

    @Test
    void rejectsExpiredTokensBeyondTheClockSkew() throws Exception {
        RSAKey real = activeKey();
        Instant past = Instant.now().minus(Duration.ofMinutes(20));
        Response expired = api().as(signed(real, claims -> claims.issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(15)))))).get("/api/v1/auth/me");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(meStatus(signed(real, claims -> claims.expirationTime(null)))).isEqualTo(401);
        // Within the 30 s skew a just-expired token still passes.
        Instant justNow = Instant.now();
        assertThat(meStatus(signed(real, claims -> claims.issueTime(Date.from(justNow.minusSeconds(60)))
                .expirationTime(Date.from(justNow.minusSeconds(5)))))).isEqualTo(200);
    }

    @Test
    void rejectsTokensSignedByAnUnknownKey() throws Exception {
        RSAKey real = activeKey();
        RSAKey impostorSameKid = new RSAKeyGenerator(2048).keyID(real.getKeyID()).generate();
        assertThat(meStatus(signed(impostorSameKid, claims -> { }))).isEqualTo(401);
        // Well-formed tokens of a key identity-service never had: the test key set other services trust in tests.
        assertThat(meStatus(TestTokens.shared().user(UUID.fromString(userId)))).isEqualTo(401);
        assertThat(meStatus(TestTokens.shared().unknownKey(UUID.fromString(userId)))).isEqualTo(401);
    }

    @Test
    void rejectsASubjectThatIsNoUserId() throws Exception {
        RSAKey real = activeKey();
        assertThat(meStatus(signed(real, claims -> claims.subject("root")))).isEqualTo(401);
        assertThat(meStatus(signed(real, claims -> claims.subject(userId.toUpperCase())))).isEqualTo(401);
    }

    @Test
    void rejectsATamperedPayload() throws Exception {
        String token = api().login("holder@example.com", Api.PASSWORD).text("accessToken");
        String[] parts = token.split("\\.");
        JWTClaimsSet promoted = new JWTClaimsSet.Builder(SignedJWT.parse(token).getJWTClaimsSet())
                .claim("roles", List.of("user", "admin")).build();
        String tampered = parts[0] + "." + promoted.toPayload().toBase64URL() + "." + parts[2];
        assertThat(meStatus(token)).isEqualTo(200);
        assertThat(api().as(tampered).get("/api/v1/admin/users").status()).isEqualTo(401);
        assertThat(meStatus(tampered)).isEqualTo(401);
    }

    @Test
    void keepsEarlierTokensValidAcrossKeyRotation() throws Exception {
        String before = api().login("holder@example.com", Api.PASSWORD).text("accessToken");
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

        Response rotated = api().as(adminToken).post("/api/v1/admin/signing-keys/rotate", Map.of());
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String newKid = rotated.text("kid");
        assertThat(newKid).isNotEqualTo(oldKid);

        Response jwks = api().get("/api/v1/auth/jwks");
        assertThat(jwks.status()).isEqualTo(200);
        JWKSet set = JWKSet.parse(jwks.body());
        assertThat(set.getKeys()).extracting(key -> key.getKeyID()).contains(oldKid, newKid);
        assertThat(set.getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
        assertThat(jwks.body()).doesNotContain("\"d\"").doesNotContain("\"p\"");

        assertThat(meStatus(before)).isEqualTo(200);
        String after = api().login("holder@example.com", Api.PASSWORD).text("accessToken");
        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(newKid);
        assertThat(meStatus(after)).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'signing-key.rotated' "
                + "and target = ?", Integer.class, newKid)).isEqualTo(1);
    }

    @Test
    void servesTheJwksWithoutAuthentication() throws Exception {
        Response jwks = api().as("garbage").get("/api/v1/auth/jwks");
        assertThat(jwks.status()).isEqualTo(200);
        RSAKey published = (RSAKey) JWKSet.parse(jwks.body()).getKeys().getFirst();
        assertThat(published.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(published.getKeyUse().identifier()).isEqualTo("sig");
    }
}
