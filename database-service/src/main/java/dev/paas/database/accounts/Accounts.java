package dev.paas.database.accounts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * database-service's own record of the accounts that own databases: the limits of each one's plan and whether it is
 * suspended, as billing announced them. The newest event wins: one that occurred before the stored state (a late
 * delivery, a replay) changes nothing. An account billing has not announced yet has no limits here; the configured
 * plan ({@code paas.databases.plan.*}) applies to it.
 */
@Service
public class Accounts {

    private final StoredAccounts stored;

    Accounts(StoredAccounts stored) {
        this.stored = stored;
    }

    /**
     * The account's plan limits changed (at {@code occurredAt}, by event {@code eventId}).
     *
     * @return whether they replaced what was known; false when newer limits are stored
     */
    @Transactional
    public boolean limitsChanged(UUID userId, UUID planId, AccountLimits limits, Instant occurredAt, UUID eventId) {
        return stored.saveLimitsIfNewer(userId, planId, limits, occurredAt, eventId);
    }

    /** The limits of the account's plan, once billing announced them. */
    public Optional<AccountLimits> limitsOf(UUID userId) {
        return stored.limitsOf(userId);
    }

    /**
     * The account was suspended or reinstated (at {@code occurredAt}, by event {@code eventId}).
     *
     * @return whether this is now the account's standing; false when a newer suspension or reinstatement is stored
     */
    public boolean standingChanged(UUID userId, boolean suspended, Instant occurredAt, UUID eventId) {
        return stored.saveStandingIfNewer(userId, suspended, occurredAt, eventId);
    }

    /** Whether the account is suspended (its balance is due); an account never suspended is not. */
    public boolean suspended(UUID userId) {
        return stored.suspended(userId);
    }
}
