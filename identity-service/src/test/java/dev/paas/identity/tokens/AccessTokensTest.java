package dev.paas.identity.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.paas.identity.accounts.Account;
import dev.paas.identity.accounts.TestAccounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00.750Z");
    private final RSAKey key;
    private final AccessTokens tokens;

    AccessTokensTest() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("kid-1").generate();
        TokenSettings settings = new TokenSettings("paas", "paas-api", Duration.ofMinutes(15), Duration.ofMinutes(5),
                Duration.ofSeconds(30), Duration.ofDays(30));
        tokens = new AccessTokens(() -> key, settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void signsWithRs256AndNamesTheKey() throws Exception {
        SignedJWT jwt = SignedJWT.parse(tokens.forSession(TestAccounts.user("u@example.com"), "password").value());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("kid-1");
        assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        assertThat(jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))).isTrue();
    }

    @Test
    void carriesTheSpecifiedClaimsForAUser() throws Exception {
        Account user = TestAccounts.user("u@example.com");
        AccessTokens.IssuedToken issued = tokens.forSession(user, "password");
        JWTClaimsSet claims = SignedJWT.parse(issued.value()).getJWTClaimsSet();

        assertThat(claims.getIssuer()).isEqualTo("paas");
        assertThat(claims.getAudience()).containsExactly("paas-api");
        assertThat(claims.getSubject()).isEqualTo(user.id().toString());
        assertThat(claims.getStringClaim("email")).isEqualTo("u@example.com");
        assertThat(claims.getStringListClaim("roles")).containsExactly("user");
        assertThat(claims.getStringClaim("auth")).isEqualTo("password");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(Instant.parse("2026-01-01T10:15:00Z"));
        assertThat(issued.expiresIn()).isEqualTo(900);
        assertThat(claims.getClaims().keySet())
                .containsExactlyInAnyOrder("iss", "aud", "sub", "email", "roles", "auth", "jti", "iat", "exp");
    }

    @Test
    void givesAdminsBothRoles() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(tokens.forSession(TestAccounts.admin("a@example.com"), "github")
                .value()).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).isEqualTo(List.of("user", "admin"));
        assertThat(claims.getStringClaim("auth")).isEqualTo("github");
    }

    @Test
    void issuesFiveMinuteTokensForApiTokens() throws Exception {
        AccessTokens.IssuedToken issued = tokens.forApiToken(TestAccounts.user("u@example.com"));
        JWTClaimsSet claims = SignedJWT.parse(issued.value()).getJWTClaimsSet();
        assertThat(claims.getStringClaim("auth")).isEqualTo("api-token");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(issued.expiresIn()).isEqualTo(300);
    }

    @Test
    void givesEveryTokenItsOwnId() throws Exception {
        Account user = TestAccounts.user("u@example.com");
        String first = SignedJWT.parse(tokens.forSession(user, "password").value()).getJWTClaimsSet().getJWTID();
        String second = SignedJWT.parse(tokens.forSession(user, "password").value()).getJWTClaimsSet().getJWTID();
        assertThat(first).isNotEqualTo(second);
    }
}
