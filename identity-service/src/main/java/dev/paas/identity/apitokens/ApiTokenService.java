package dev.paas.identity.apitokens;

import dev.paas.identity.accounts.Account;
import dev.paas.identity.accounts.AccountService;
import dev.paas.identity.audit.Actor;
import dev.paas.identity.audit.AuditActions;
import dev.paas.identity.audit.AuditLog;
import dev.paas.identity.secrets.OpaqueTokens;
import dev.paas.identity.tokens.AccessTokens.IssuedToken;
import dev.paas.identity.tokens.AccessTokens;
import dev.paas.ids.UuidV7;
import dev.paas.problems.InvalidInput;
import dev.paas.problems.NotFound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, lists, revokes and exchanges personal API tokens ({@code paas_pat_...}). */
@Service
public class ApiTokenService {

    public static final String PREFIX = "paas_pat_";
    static final int SHOWN_PREFIX_LENGTH = 12;
    private static final int MAX_NAME_LENGTH = 100;

    private final ApiTokens tokens;
    private final AccountService accounts;
    private final AccessTokens accessTokens;
    private final AuditLog audit;
    private final Duration defaultLifetime;
    private final Duration maxLifetime;
    private final Clock clock;

    ApiTokenService(ApiTokens tokens, AccountService accounts, AccessTokens accessTokens, AuditLog audit,
            @Value("${paas.identity.api-token-default-ttl:90d}") Duration defaultLifetime,
            @Value("${paas.identity.api-token-max-ttl:365d}") Duration maxLifetime) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.accessTokens = accessTokens;
        this.audit = audit;
        this.defaultLifetime = defaultLifetime;
        this.maxLifetime = maxLifetime;
        this.clock = Clock.systemUTC();
    }

    /**
     * Creates a token for the actor's account. Give at most one of {@code expiresInDays} (1..365) and
     * {@code expiresAt} (in the future, at most a year away); neither means 90 days.
     */
    @Transactional
    public CreatedApiToken create(Actor actor, String name, Integer expiresInDays, Instant expiresAt) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw new InvalidInput("name", "must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expiry = expiry(now, expiresInDays, expiresAt);
        String secret = OpaqueTokens.generate(PREFIX);
        ApiToken token = new ApiToken(UuidV7.next(), actor.id(), trimmed, secret.substring(0, SHOWN_PREFIX_LENGTH),
                OpaqueTokens.sha256(secret), now, expiry, null, null);
        tokens.insert(token);
        audit.record(actor, AuditActions.TOKEN_CREATED, token.id().toString(),
                Map.of("name", token.name(), "prefix", token.prefix(), "expiresAt", expiry.toString()));
        return new CreatedApiToken(token, secret);
    }

    /** The account's tokens that are not revoked (expired ones included), newest first. */
    public List<ApiToken> listOf(UUID accountId) {
        return tokens.findUnrevokedOf(accountId);
    }

    /** Revokes one of the actor's tokens; someone else's, or one already revoked, is not found. */
    @Transactional
    public void revoke(Actor actor, UUID id) {
        ApiToken token = tokens.findByIdAndAccount(id, actor.id()).orElseThrow(() -> new NotFound("API token", id));
        if (token.revoke(clock.instant())) {
            tokens.saveRevocation(token);
            audit.record(actor, AuditActions.TOKEN_REVOKED, token.id().toString(),
                    Map.of("name", token.name(), "prefix", token.prefix()));
        } else {
            throw new NotFound("API token", id);
        }
    }

    /**
     * A short access token ({@code auth} = {@code api-token}) for a valid API token.
     *
     * @throws InvalidApiTokenException when it is unknown, revoked or expired, or its account is disabled
     */
    @Transactional
    public IssuedToken exchange(String secret) {
        if (!OpaqueTokens.looksLike(secret, PREFIX)) {
            throw new InvalidApiTokenException();
        }
        Instant now = clock.instant();
        ApiToken token = tokens.findByHash(OpaqueTokens.sha256(secret))
                .filter(candidate -> candidate.usableAt(now))
                .orElseThrow(InvalidApiTokenException::new);
        Account account = accounts.findById(token.accountId()).filter(candidate -> !candidate.disabled())
                .orElseThrow(InvalidApiTokenException::new);
        token.usedAt(now);
        tokens.saveLastUse(token);
        return accessTokens.forApiToken(account);
    }

    private Instant expiry(Instant now, Integer expiresInDays, Instant expiresAt) {
        if (expiresInDays != null && expiresAt != null) {
            throw new InvalidInput("expiresAt", "cannot be given together with expiresInDays");
        }
        long maxDays = maxLifetime.toDays();
        if (expiresInDays != null) {
            if (expiresInDays < 1 || expiresInDays > maxDays) {
                throw new InvalidInput("expiresInDays", "must be 1 to " + maxDays);
            }
            return now.plus(Duration.ofDays(expiresInDays));
        }
        if (expiresAt != null) {
            if (!expiresAt.isAfter(now)) {
                throw new InvalidInput("expiresAt", "must be in the future");
            }
            if (expiresAt.isAfter(now.plus(maxLifetime))) {
                throw new InvalidInput("expiresAt", "must be at most " + maxDays + " days away");
            }
            return expiresAt;
        }
        return now.plus(defaultLifetime);
    }
}
