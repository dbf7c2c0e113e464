package dev.paas.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The platform's access-token rules, in one place for the gateway, identity-service and every service. A token's
 * signature is checked by the caller's JOSE library against identity-service's keys; these rules then decide whether
 * the signed header and claims are acceptable:
 *
 * <ul>
 *   <li>{@code alg} is {@value #ALGORITHM} (so {@code none} and the HMAC family are refused even if a decoder let
 *       them through);</li>
 *   <li>{@code iss} is the configured issuer and {@code aud} names the configured audience;</li>
 *   <li>{@code exp} is present and not passed, {@code nbf} (if present) reached, both with the clock skew;</li>
 *   <li>{@code sub} is a user id: a UUID in its canonical lower-case form;</li>
 *   <li>{@code roles}, if present, is a list of names (see {@link #roles(Object)}).</li>
 * </ul>
 *
 * Claims come as a map of the names to values, as JOSE libraries expose them: times may be {@link Instant},
 * {@link Date} or seconds since the epoch, {@code aud} a string or a list of strings.
 */
public final class PlatformTokenRules {

    /** The only signature algorithm identity-service signs with and anybody accepts. */
    public static final String ALGORITHM = "RS256";
    /** The issuer when none is configured ({@code PAAS_JWT_ISSUER}). */
    public static final String DEFAULT_ISSUER = "paas";
    /** The audience every platform access token names. */
    public static final String DEFAULT_AUDIENCE = "paas-api";
    /** How far clocks may disagree when {@code exp} and {@code nbf} are checked, unless configured otherwise. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
    /** The claim holding the holder's role names. */
    public static final String ROLES_CLAIM = "roles";
    /** The claim holding the holder's e-mail address. */
    public static final String EMAIL_CLAIM = "email";
    /** The claim saying how the holder signed in. */
    public static final String AUTH_CLAIM = "auth";
    /** The role of administrators. */
    public static final String ADMIN_ROLE = "admin";

    private final String issuer;
    private final String audience;
    private final Duration clockSkew;
    private final Clock clock;

    /** Rules for tokens of {@code issuer} for {@code audience}, judged against the system clock. */
    public PlatformTokenRules(String issuer, String audience, Duration clockSkew) {
        this(issuer, audience, clockSkew, Clock.systemUTC());
    }

    /** As above, judged against {@code clock} (tests). */
    public PlatformTokenRules(String issuer, String audience, Duration clockSkew, Clock clock) {
        this.issuer = requireText(issuer, "issuer");
        this.audience = requireText(audience, "audience");
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("the clock skew must not be negative: " + clockSkew);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The rules with the platform's defaults: issuer {@code paas}, audience {@code paas-api}, 30 s skew. */
    public static PlatformTokenRules defaults() {
        return new PlatformTokenRules(DEFAULT_ISSUER, DEFAULT_AUDIENCE, DEFAULT_CLOCK_SKEW);
    }

    /**
     * Checks the header and claims of a token whose signature the caller has verified.
     *
     * @return what the token says about its holder
     * @throws RejectedToken naming the first rule the token breaks
     */
    public VerifiedToken verify(Map<String, ?> header, Map<String, ?> claims) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(claims, "claims");
        Object algorithm = header.get("alg");
        if (!ALGORITHM.equals(algorithm)) {
            throw new RejectedToken("the token is signed with " + (algorithm == null ? "no algorithm" : algorithm)
                    + "; only " + ALGORITHM + " is accepted");
        }
        Instant expiresAt = checkTimes(claims);
        Object tokenIssuer = claims.get("iss");
        if (tokenIssuer == null || !issuer.equals(tokenIssuer.toString())) {
            throw new RejectedToken("the token's issuer (iss) is not " + issuer);
        }
        if (!audiences(claims.get("aud")).contains(audience)) {
            throw new RejectedToken("the token's audience (aud) does not name " + audience);
        }
        UUID userId = userId(claims.get("sub"));
        Set<String> roles = roles(claims.get(ROLES_CLAIM));
        return new VerifiedToken(userId, text(claims.get(EMAIL_CLAIM)), roles, text(claims.get(AUTH_CLAIM)),
                expiresAt);
    }

    /**
     * The first rule the token breaks, or empty when it keeps them all: {@link #verify} for callers that report
     * rather than throw (an {@code OAuth2TokenValidator} answering a result).
     */
    public Optional<String> problemWith(Map<String, ?> header, Map<String, ?> claims) {
        try {
            verify(header, claims);
            return Optional.empty();
        } catch (RejectedToken rejected) {
            return Optional.of(rejected.getMessage());
        }
    }

    /**
     * Reads a {@code roles} claim: a list of names (a single name is read as a list of one), each stripped and
     * lower-cased; {@code null}, empty and blank entries are ignored, as is a missing claim. Anything else (a
     * number, a map, a list holding one) is not a roles claim.
     *
     * @throws RejectedToken when the claim is no list of names
     */
    public static Set<String> roles(Object claim) {
        if (claim == null) {
            return Set.of();
        }
        Collection<?> entries = claim instanceof String name ? List.of(name)
                : claim instanceof Collection<?> list ? list : null;
        if (entries == null) {
            throw new RejectedToken("the token's roles claim is not a list of role names");
        }
        Set<String> roles = new LinkedHashSet<>();
        for (Object entry : entries) {
            if (entry == null) {
                continue;
            }
            if (!(entry instanceof String name)) {
                throw new RejectedToken("the token's roles claim is not a list of role names");
            }
            if (!name.isBlank()) {
                roles.add(name.strip().toLowerCase(Locale.ROOT));
            }
        }
        return Collections.unmodifiableSet(roles);
    }

    /**
     * The authority names of a {@code roles} claim in Spring Security's convention ({@code ROLE_USER},
     * {@code ROLE_ADMIN}, what {@code hasRole("ADMIN")} asks for), read as {@link #roles(Object)} reads it.
     */
    public static List<String> authorities(Object rolesClaim) {
        return roles(rolesClaim).stream().map(role -> "ROLE_" + role.toUpperCase(Locale.ROOT)).toList();
    }

    private Instant checkTimes(Map<String, ?> claims) {
        Instant now = clock.instant();
        Instant expiresAt = time(claims, "exp");
        if (expiresAt == null) {
            throw new RejectedToken("the token has no expiry (exp)");
        }
        if (now.isAfter(expiresAt.plus(clockSkew))) {
            throw new RejectedToken("the token expired at " + expiresAt);
        }
        Instant notBefore = time(claims, "nbf");
        if (notBefore != null && now.plus(clockSkew).isBefore(notBefore)) {
            throw new RejectedToken("the token is not valid before " + notBefore + " (nbf)");
        }
        return expiresAt;
    }

    private static Instant time(Map<String, ?> claims, String name) {
        Object value = claims.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        throw new RejectedToken("the token's " + name + " claim is not a time");
    }

    private static Collection<?> audiences(Object claim) {
        if (claim instanceof String single) {
            return List.of(single);
        }
        return claim instanceof Collection<?> list ? list : List.of();
    }

    private static UUID userId(Object subject) {
        if (subject instanceof String text) {
            try {
                UUID id = UUID.fromString(text);
                // UUID.fromString also takes "1-1-1-1-1" and upper case; identity-service writes the canonical form.
                if (id.toString().equals(text)) {
                    return id;
                }
            } catch (IllegalArgumentException e) {
                // not a UUID at all: refused below like any other subject that names no user
            }
        }
        throw new RejectedToken("the token's subject is not a user id");
    }

    private static String text(Object value) {
        return value instanceof String text ? text : null;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the token " + name + " must not be blank");
        }
        return value;
    }
}
