package dev.paas.identity.sessions;

import dev.paas.identity.accounts.Account;

/** A session that was just started or renewed: whose it is and its tokens. */
public record SignedIn(Account account, TokenPair tokens) {
}
