package dev.paas.identity.web;

import dev.paas.identity.accounts.Account;
import java.util.UUID;

/** An account as sign-in responses show it. */
public record UserView(UUID id, String email, String role) {

    public static UserView of(Account account) {
        return new UserView(account.id(), account.email(), account.role().value());
    }
}
