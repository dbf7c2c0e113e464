package dev.paas.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PlatformTokenRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final UUID USER = UUID.fromString("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
    private static final Map<String, Object> RS256 = Map.of("alg", "RS256", "kid", "k1");

    private final PlatformTokenRules rules = new PlatformTokenRules("paas", "paas-api", Duration.ofSeconds(30),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsAValidTokenAndSaysWhoHoldsIt() {
        VerifiedToken token = rules.verify(RS256, claims(claims -> { }));

        assertThat(token.userId()).isEqualTo(USER);
        assertThat(token.email()).isEqualTo("someone@example.test");
        assertThat(token.roles()).containsExactly("user");
        assertThat(token.authMethod()).isEqualTo("password");
        assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(600));
        assertThat(token.admin()).isFalse();
    }

    @Test
    void acceptsOnlyRs256() {
        for (String algorithm : List.of("none", "HS256", "HS384", "HS512", "RS512", "ES256")) {
            assertRejected(Map.of("alg", algorithm), claims(claims -> { }), "only RS256 is accepted");
        }
        assertRejected(Map.of(), claims(claims -> { }), "signed with no algorithm");
    }

    @Test
    void refusesAnotherIssuer() {
        assertRejected(RS256, claims(claims -> claims.put("iss", "someone-else")), "issuer (iss) is not paas");
        assertRejected(RS256, claims(claims -> claims.remove("iss")), "issuer (iss)");
        assertThat(new PlatformTokenRules("elsewhere", "paas-api", Duration.ZERO, Clock.fixed(NOW, ZoneOffset.UTC)))
                .satisfies(strict -> assertThatThrownBy(() -> strict.verify(RS256, claims(claims -> { })))
                        .isInstanceOf(RejectedToken.class));
    }

    @Test
    void requiresTheAudienceAsAStringOrAmongAList() {
        assertThat(rules.verify(RS256, claims(claims -> claims.put("aud", List.of("other-api", "paas-api"))))
                .userId()).isEqualTo(USER);
        assertRejected(RS256, claims(claims -> claims.put("aud", "other-api")), "audience (aud) does not name");
        assertRejected(RS256, claims(claims -> claims.put("aud", List.of("other-api"))), "audience (aud)");
        assertRejected(RS256, claims(claims -> claims.remove("aud")), "audience (aud)");
    }

    @Test
    void requiresAnExpiryAndAllowsTheClockSkewPastIt() {
        assertRejected(RS256, claims(claims -> claims.remove("exp")), "no expiry (exp)");
        assertThat(rules.verify(RS256, claims(claims -> claims.put("exp", NOW.minusSeconds(30)))).userId())
                .isEqualTo(USER);
        assertRejected(RS256, claims(claims -> claims.put("exp", NOW.minusSeconds(31))), "expired at");
    }

    @Test
    void honoursNotBeforeWithTheClockSkew() {
        assertThat(rules.verify(RS256, claims(claims -> claims.put("nbf", NOW.plusSeconds(30)))).userId())
                .isEqualTo(USER);
        assertRejected(RS256, claims(claims -> claims.put("nbf", NOW.plusSeconds(31))), "not valid before");
    }

    @Test
    void readsTimesAsInstantsDatesOrEpochSeconds() {
        assertThat(rules.verify(RS256, claims(claims -> claims.put("exp", Date.from(NOW.plusSeconds(5)))))
                .expiresAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(rules.verify(RS256, claims(claims -> claims.put("exp", NOW.plusSeconds(7).getEpochSecond()))
                ).expiresAt()).isEqualTo(NOW.plusSeconds(7));
        assertRejected(RS256, claims(claims -> claims.put("exp", "tomorrow")), "exp claim is not a time");
    }

    @Test
    void requiresTheSubjectToBeACanonicalUserId() {
        for (String subject : List.of("root", "", "1-1-1-1-1", USER.toString().toUpperCase())) {
            assertRejected(RS256, claims(claims -> claims.put("sub", subject)), "subject is not a user id");
        }
        assertRejected(RS256, claims(claims -> claims.remove("sub")), "subject is not a user id");
        assertRejected(RS256, claims(claims -> claims.put("sub", 42)), "subject is not a user id");
    }

    @Test
    void readsRolesStrippedLowerCasedAndWithoutEmptyEntries() {
        VerifiedToken token = rules.verify(RS256, claims(claims -> claims.put("roles",
                Arrays.asList(" User ", "ADMIN", "", "  ", null, "admin"))));

        assertThat(token.roles()).containsExactlyInAnyOrder("user", "admin");
        assertThat(token.admin()).isTrue();
        assertThat(PlatformTokenRules.roles("admin")).containsExactly("admin");
        assertThat(PlatformTokenRules.roles(null)).isEmpty();
        assertThat(rules.verify(RS256, claims(claims -> claims.remove("roles"))).roles()).isEmpty();
    }

    @Test
    void refusesARolesClaimThatIsNoListOfNames() {
        assertRejected(RS256, claims(claims -> claims.put("roles", 7)), "roles claim is not a list");
        assertRejected(RS256, claims(claims -> claims.put("roles", List.of("user", Map.of("admin", true)))),
                "roles claim is not a list");
    }

    @Test
    void namesAuthoritiesTheWaySpringSecurityRolesAreNamed() {
        assertThat(PlatformTokenRules.authorities(List.of("user", " Admin "))).containsExactly("ROLE_USER",
                "ROLE_ADMIN");
    }

    @Test
    void leavesEmailAndAuthMethodOutWhenTheyAreNoText() {
        VerifiedToken token = rules.verify(RS256, claims(claims -> {
            claims.remove("email");
            claims.put("auth", 1);
        }));

        assertThat(token.email()).isNull();
        assertThat(token.authMethod()).isNull();
    }

    @Test
    void refusesToBeBuiltWithoutIssuerOrAudienceOrWithANegativeSkew() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PlatformTokenRules(" ", "paas-api",
                Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> new PlatformTokenRules("paas", null, Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> new PlatformTokenRules("paas", "paas-api",
                Duration.ofSeconds(-1)));
    }

    @Test
    void defaultsToThePlatformsIssuerAudienceAndSkew() {
        Map<String, Object> justInsideTheSkew = claims(claims -> claims.put("exp", Instant.now().minusSeconds(20)));

        assertThat(PlatformTokenRules.defaults().verify(RS256, justInsideTheSkew).userId()).isEqualTo(USER);
    }

    @Test
    void reportsTheBrokenRuleWithoutThrowingWhenAsked() {
        assertThat(rules.problemWith(RS256, claims(claims -> { }))).isEmpty();
        assertThat(rules.problemWith(RS256, claims(claims -> claims.put("sub", "root"))))
                .hasValue("the token's subject is not a user id");
    }

    private void assertRejected(Map<String, ?> header, Map<String, ?> claims, String reason) {
        assertThatThrownBy(() -> rules.verify(header, claims)).isInstanceOf(RejectedToken.class)
                .hasMessageContaining(reason);
    }

    private static Map<String, Object> claims(Consumer<Map<String, Object>> changes) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", "paas");
        claims.put("aud", "paas-api");
        claims.put("sub", USER.toString());
        claims.put("email", "someone@example.test");
        claims.put("roles", List.of("user"));
        claims.put("auth", "password");
        claims.put("iat", NOW);
        claims.put("exp", NOW.plusSeconds(600));
        changes.accept(claims);
        return claims;
    }
}
