package dev.paas.identity.accounts;

import java.util.UUID;

/**
 * Internal event: an admin disabled the account. Published inside the disabling transaction so that whatever the
 * account could still use (refresh tokens) is revoked with it.
 */
public record AccountDisabled(UUID accountId) {
}
