package dev.paas.identity.login;

import dev.paas.identity.accounts.Account;
import dev.paas.identity.accounts.AccountService;
import dev.paas.identity.accounts.Emails;
import dev.paas.identity.audit.AuditActions;
import dev.paas.identity.audit.AuditLog;
import dev.paas.identity.sessions.SessionService;
import dev.paas.identity.sessions.SignedIn;
import dev.paas.identity.tokens.AccessTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in with email and password, throttled per normalised email (whether or not it has an account) and per
 * client address ({@link LoginLimits}). An unknown email costs the same hash computation and gets the same answer
 * as a wrong password.
 */
@Service
@EnableConfigurationProperties(LoginLimits.class)
public class PasswordLogin {

    private final LoginFailures failures;
    private final LoginLimits limits;
    private final LoginPolicy policy;
    private final AccountService accounts;
    private final SessionService sessions;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    PasswordLogin(LoginFailures failures, LoginLimits limits, AccountService accounts, SessionService sessions,
            AuditLog audit, TransactionTemplate tx) {
        this.failures = failures;
        this.limits = limits;
        this.policy = new LoginPolicy(limits);
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.tx = tx;
        this.clock = Clock.systemUTC();
    }

    /**
     * Signs in.
     *
     * @throws LoginThrottledException when the email or the address must wait (the password is not even checked)
     * @throws InvalidCredentialsException when email and password do not match an account
     * @throws dev.paas.identity.sessions.AccountDisabledException when they do, but the account is disabled
     */
    public SignedIn login(String email, String password, String clientIp) {
        String normalised = Emails.normalise(email);
        // The outcome is returned, not thrown, so that the failure counts and audit entries commit.
        Outcome outcome = tx.execute(status -> attempt(normalised, password, clientIp));
        return switch (outcome) {
            case Outcome.Throttled throttled -> throw new LoginThrottledException(throttled.retryAfter());
            case Outcome.Failed failed -> throw new InvalidCredentialsException();
            case Outcome.Succeeded succeeded -> new SignedIn(succeeded.account(),
                    sessions.signIn(succeeded.account(), AccessTokens.PASSWORD, clientIp));
        };
    }

    private Outcome attempt(String email, String password, String clientIp) {
        Instant now = clock.instant();
        Optional<Instant> addressLock = failures.addressLockedUntil(clientIp, now);
        if (addressLock.isPresent()) {
            return new Outcome.Throttled(Duration.between(now, addressLock.get()));
        }
        EmailFailures state = failures.lockEmail(email);
        Optional<Duration> wait = policy.waitBeforeAttempt(state, now);
        if (wait.isPresent()) {
            return new Outcome.Throttled(wait.get());
        }
        Optional<Account> account = accounts.authenticate(email, password);
        if (account.isPresent()) {
            failures.forget(email);
            return new Outcome.Succeeded(account.get());
        }
        Instant failedAt = clock.instant();
        EmailFailures after = policy.afterFailure(state, failedAt);
        failures.save(after);
        audit.record(null, email, AuditActions.SIGN_IN_FAILED, email, clientIp,
                Map.of("consecutiveFailures", after.failures()));
        if (policy.lockedBy(state, after, failedAt)) {
            audit.record(null, email, AuditActions.LOCKED_OUT, email, clientIp,
                    Map.of("scope", "email", "until", after.lockedUntil().toString()));
        }
        int fromAddress = failures.recordAddressFailure(clientIp, failedAt, failedAt.minus(limits.addressWindow()));
        if (fromAddress >= limits.addressMaxFailures()) {
            Instant until = failedAt.plus(limits.addressLockDuration());
            failures.lockAddress(clientIp, until);
            audit.record(null, null, AuditActions.LOCKED_OUT, clientIp, clientIp,
                    Map.of("scope", "address", "until", until.toString(), "failures", fromAddress));
        }
        return new Outcome.Failed();
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 300_000)
    void forgetOldFailures() {
        Duration longest = max(limits.lockDuration(), max(limits.addressWindow(), limits.addressLockDuration()));
        failures.forgetOlderThan(clock.instant().minus(longest));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private sealed interface Outcome {
        record Throttled(Duration retryAfter) implements Outcome {
        }

        record Failed() implements Outcome {
        }

        record Succeeded(Account account) implements Outcome {
        }
    }
}
