package dev.paas.identity.accounts;

import java.time.Instant;
import java.util.UUID;

/** Accounts for unit tests of other packages, which cannot reach the package-private constructor. */
public final class TestAccounts {

    private TestAccounts() {
    }

    public static Account user(String email) {
        return new Account(UUID.randomUUID(), email, null, Role.USER, false, Instant.now());
    }

    public static Account admin(String email) {
        return new Account(UUID.randomUUID(), email, null, Role.ADMIN, false, Instant.now());
    }
}
