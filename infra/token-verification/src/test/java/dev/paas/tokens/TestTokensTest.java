package dev.paas.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import dev.paas.tokens.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test-jar's tokens: the good ones pass the platform's rules, each forgery breaks the rule it is named for. */
class TestTokensTest {

    private static TestTokens tokens;
    private final UUID user = UUID.randomUUID();

    @BeforeAll
    static void start() {
        tokens = TestTokens.start();
    }

    @AfterAll
    static void stop() {
        tokens.close();
    }

    @Test
    void issuesTokensThePlatformsRulesAccept() throws Exception {
        VerifiedToken admin = verify(tokens.admin(user));

        assertThat(admin.userId()).isEqualTo(user);
        assertThat(admin.roles()).containsExactlyInAnyOrder("user", "admin");
        assertThat(verify(tokens.user(user)).admin()).isFalse();
        assertThat(verify(tokens.with(user, claims -> claims.claim("auth", "api-token"))).authMethod())
                .isEqualTo("api-token");
    }

    @Test
    void forgesTokensThatBreakTheRuleTheyAreNamedFor() {
        assertThatThrownBy(() -> verify(tokens.expired(user))).hasMessageContaining("expired");
        assertThatThrownBy(() -> verify(tokens.wrongIssuer(user))).hasMessageContaining("iss");
        assertThatThrownBy(() -> verify(tokens.wrongAudience(user))).hasMessageContaining("aud");
        assertThatThrownBy(() -> verify(tokens.withSubject("root"))).hasMessageContaining("not a user id");
        assertThatThrownBy(() -> verify(tokens.algNone(user))).hasMessageContaining("none");
        assertThatThrownBy(() -> verify(tokens.hs256WithPublicKey(user))).hasMessageContaining("HS256");
    }

    @Test
    void servesThePublicKeyAndSignsForgeriesWithKeysItDoesNotPublish() throws Exception {
        HttpResponse<String> keySet = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(tokens.jwksUrl())).build(), HttpResponse.BodyHandlers.ofString());
        String publishedKeyId = JWSObject.parse(tokens.user(user)).getHeader().getKeyID();

        assertThat(keySet.statusCode()).isEqualTo(200);
        assertThat(keySet.body()).contains(publishedKeyId).doesNotContain("\"d\"");
        RSAKey published = (RSAKey) JWKSet.parse(keySet.body()).getKeyByKeyId(publishedKeyId);
        assertThat(JWSObject.parse(tokens.user(user)).verify(new RSASSAVerifier(published))).isTrue();
        JWSObject otherKey = JWSObject.parse(tokens.otherKey(user));
        assertThat(otherKey.getHeader().getKeyID()).isEqualTo(publishedKeyId);
        assertThat(otherKey.verify(new RSASSAVerifier(published))).isFalse();
        assertThat(JWSObject.parse(tokens.unknownKey(user)).getHeader().getKeyID()).isNotEqualTo(publishedKeyId);
        assertThat(keySet.body()).doesNotContain(JWSObject.parse(tokens.unknownKey(user)).getHeader().getKeyID());
    }

    private static VerifiedToken verify(String token) throws Exception {
        JWT jwt = JWTParser.parse(token);
        return PlatformTokenRules.defaults().verify(jwt.getHeader().toJSONObject(), jwt.getJWTClaimsSet().getClaims());
    }
}
