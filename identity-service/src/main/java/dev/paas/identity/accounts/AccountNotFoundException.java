package dev.paas.identity.accounts;

import java.util.UUID;

/** No account has this id. */
public class AccountNotFoundException extends RuntimeException {

    public AccountNotFoundException(UUID id) {
        super("user " + id + " not found");
    }
}
