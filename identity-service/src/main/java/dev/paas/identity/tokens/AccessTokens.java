package dev.paas.identity.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.paas.identity.accounts.Account;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Issues access tokens: RS256 JWTs with a {@code kid} header and the claims {@code iss}, {@code aud}, {@code sub}
 * (account id), {@code email}, {@code roles}, {@code auth} (how the session began), {@code jti}, {@code iat},
 * {@code exp}.
 */
@Service
public class AccessTokens {

    /** Values of the {@code auth} claim. */
    public static final String PASSWORD = "password";
    public static final String GITHUB = "github";
    public static final String API_TOKEN = "api-token";

    private final Supplier<RSAKey> signingKey;
    private final TokenSettings settings;
    private final Clock clock;

    @Autowired
    AccessTokens(KeyRing keyRing, TokenSettings settings) {
        this(keyRing::signingKey, settings, Clock.systemUTC());
    }

    AccessTokens(Supplier<RSAKey> signingKey, TokenSettings settings, Clock clock) {
        this.signingKey = signingKey;
        this.settings = settings;
        this.clock = clock;
    }

    /** A token for a session (password or GitHub sign-in, refresh), valid {@code paas.identity.access-token-ttl}. */
    public IssuedToken forSession(Account account, String authMethod) {
        return issue(account, authMethod, settings.accessTokenTtl());
    }

    /** A short token in exchange for a personal API token, valid {@code paas.identity.api-token-access-ttl}. */
    public IssuedToken forApiToken(Account account) {
        return issue(account, API_TOKEN, settings.apiTokenAccessTtl());
    }

    private IssuedToken issue(Account account, String authMethod, Duration ttl) {
        RSAKey key = signingKey.get();
        // Whole seconds: iat and exp are NumericDates, and expiresIn should match them exactly.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(ttl);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .audience(settings.audience())
                .subject(account.id().toString())
                .claim("email", account.email())
                .claim("roles", account.roles())
                .claim("auth", authMethod)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token with key " + key.getKeyID(), e);
        }
        return new IssuedToken(jwt.serialize(), expiresAt, ttl.toSeconds());
    }

    /** A signed access token, when it expires and its lifetime in seconds. */
    public record IssuedToken(String value, Instant expiresAt, long expiresIn) {
    }
}
