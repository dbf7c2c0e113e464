package dev.paas.identity.sessions;

import dev.paas.identity.accounts.Account;
import dev.paas.identity.accounts.AccountDisabled;
import dev.paas.identity.accounts.AccountService;
import dev.paas.identity.audit.AuditActions;
import dev.paas.identity.audit.AuditLog;
import dev.paas.identity.secrets.OpaqueTokens;
import dev.paas.identity.tokens.AccessTokens;
import dev.paas.identity.tokens.AccessTokens.IssuedToken;
import dev.paas.ids.UuidV7;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts, renews and ends sessions. A sign-in opens a refresh-token family; each refresh uses up its token and
 * hands out the next one of the family; presenting a used or revoked token again revokes the whole family (someone
 * holds a stolen copy) and is audited as {@code auth.refresh-token-reused}.
 */
@Service
public class SessionService {

    /** Refresh tokens start with this, so that they are recognisable in logs and secret scanners. */
    public static final String REFRESH_TOKEN_PREFIX = "paas_rt_";

    private final RefreshTokens refreshTokens;
    private final AccountService accounts;
    private final AccessTokens accessTokens;
    private final AuditLog audit;
    private final Duration refreshTokenTtl;
    private final Clock clock;

    SessionService(RefreshTokens refreshTokens, AccountService accounts, AccessTokens accessTokens, AuditLog audit,
            @Value("${paas.identity.refresh-token-ttl:30d}") Duration refreshTokenTtl) {
        this.refreshTokens = refreshTokens;
        this.accounts = accounts;
        this.accessTokens = accessTokens;
        this.audit = audit;
        this.refreshTokenTtl = refreshTokenTtl;
        this.clock = Clock.systemUTC();
    }

    /**
     * Starts a session for an account whose identity was just proven ({@code method} = {@code password} or
     * {@code github}).
     *
     * @throws AccountDisabledException when an admin disabled the account
     */
    @Transactional
    public TokenPair signIn(Account account, String method, String clientIp) {
        if (account.disabled()) {
            throw new AccountDisabledException();
        }
        TokenPair pair = issue(account, UuidV7.next(), method);
        audit.record(account.id(), account.email(), AuditActions.SIGNED_IN, account.id().toString(), clientIp,
                Map.of("method", method));
        return pair;
    }

    /**
     * Renews a session: the presented token is used up and the next one of its family comes with a new access
     * token.
     *
     * @throws InvalidRefreshTokenException when the token is unknown, expired, reused (the family is then revoked,
     *     which this transaction commits) or its account is disabled
     */
    @Transactional(noRollbackFor = InvalidRefreshTokenException.class)
    public SignedIn refresh(String refreshToken, String clientIp) {
        if (!OpaqueTokens.looksLike(refreshToken, REFRESH_TOKEN_PREFIX)) {
            throw new InvalidRefreshTokenException("refresh token is not valid; sign in again");
        }
        RefreshToken token = refreshTokens.findByHashForUpdate(OpaqueTokens.sha256(refreshToken))
                .orElseThrow(() -> new InvalidRefreshTokenException("refresh token is not valid; sign in again"));
        Instant now = clock.instant();
        Account account = accounts.findById(token.accountId())
                .orElseThrow(() -> new InvalidRefreshTokenException("refresh token is not valid; sign in again"));
        try {
            token.use(now);
        } catch (RefreshTokenReusedException e) {
            int revoked = refreshTokens.revokeFamily(token.familyId(), now);
            audit.record(account.id(), account.email(), AuditActions.REFRESH_TOKEN_REUSED, account.id().toString(),
                    clientIp, Map.of("family", token.familyId(), "state", e.getMessage(), "revokedTokens", revoked));
            throw new InvalidRefreshTokenException(
                    "refresh token was already used; this session is revoked, sign in again");
        }
        if (account.disabled()) {
            refreshTokens.revokeFamily(token.familyId(), now);
            throw new InvalidRefreshTokenException("this account is disabled; ask an admin to enable it");
        }
        refreshTokens.markUsed(token);
        return new SignedIn(account, issue(account, token.familyId(), token.authMethod()));
    }

    /** Ends the session the refresh token belongs to (its whole family); an unknown token changes nothing. */
    @Transactional
    public void signOut(String refreshToken, String clientIp) {
        if (!OpaqueTokens.looksLike(refreshToken, REFRESH_TOKEN_PREFIX)) {
            return;
        }
        refreshTokens.findByHashForUpdate(OpaqueTokens.sha256(refreshToken)).ifPresent(token -> {
            int revoked = refreshTokens.revokeFamily(token.familyId(), clock.instant());
            if (revoked > 0) {
                Account account = accounts.findById(token.accountId()).orElse(null);
                audit.record(token.accountId(), account == null ? null : account.email(), AuditActions.SIGNED_OUT,
                        token.accountId().toString(), clientIp, Map.of("family", token.familyId()));
            }
        });
    }

    /** A disabled account keeps no session: its refresh tokens die with the disabling transaction. */
    @EventListener
    void on(AccountDisabled event) {
        refreshTokens.revokeAllOf(event.accountId(), clock.instant());
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    void forgetLongExpiredTokens() {
        refreshTokens.deleteExpiredBefore(clock.instant().minus(Duration.ofDays(1)));
    }

    private TokenPair issue(Account account, UUID familyId, String method) {
        Instant now = clock.instant();
        String refreshToken = OpaqueTokens.generate(REFRESH_TOKEN_PREFIX);
        refreshTokens.insert(RefreshToken.issue(UuidV7.next(), familyId, account.id(),
                OpaqueTokens.sha256(refreshToken), method, now, now.plus(refreshTokenTtl)));
        IssuedToken access = accessTokens.forSession(account, method);
        return TokenPair.bearer(access.value(), refreshToken, access.expiresIn());
    }
}
