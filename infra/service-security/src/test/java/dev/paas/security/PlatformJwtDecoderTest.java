package dev.paas.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.tokens.testing.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

class PlatformJwtDecoderTest {

    private static TestTokens tokens;
    private static JwtDecoder decoder;
    private final UUID user = UUID.randomUUID();

    @BeforeAll
    static void keys() {
        tokens = TestTokens.start();
        decoder = PlatformJwtDecoder.create(new ServiceSecurityProperties(tokens.jwksUrl(), null, null, null, null,
                null));
    }

    @AfterAll
    static void stop() {
        tokens.close();
    }

    @Test
    void acceptsATokenOfTheKeySetAndMapsItsRoles() {
        Jwt jwt = decoder.decode(tokens.admin(user));

        assertThat(jwt.getSubject()).isEqualTo(user.toString());
        assertThat(PlatformAuthorities.authorities(jwt)).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_USER", "ROLE_ADMIN");
    }

    @Test
    void refusesEveryForgery() {
        assertThatThrownBy(() -> decoder.decode(tokens.expired(user))).isInstanceOf(JwtException.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> decoder.decode(tokens.wrongIssuer(user))).isInstanceOf(JwtException.class)
                .hasMessageContaining("iss");
        assertThatThrownBy(() -> decoder.decode(tokens.wrongAudience(user))).isInstanceOf(JwtException.class)
                .hasMessageContaining("aud");
        assertThatThrownBy(() -> decoder.decode(tokens.algNone(user))).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(tokens.otherKey(user))).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(tokens.hs256WithPublicKey(user))).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(tokens.unknownKey(user))).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(tokens.withSubject("root"))).isInstanceOf(JwtException.class)
                .hasMessageContaining("not a user id");
    }

    @Test
    void refusesAnotherIssuerThanTheConfiguredOne() {
        JwtDecoder strict = PlatformJwtDecoder.create(new ServiceSecurityProperties(tokens.jwksUrl(), "elsewhere",
                null, null, null, null));

        assertThatThrownBy(() -> strict.decode(tokens.user(user))).isInstanceOf(JwtException.class);
    }
}
