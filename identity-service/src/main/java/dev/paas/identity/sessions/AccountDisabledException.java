package dev.paas.identity.sessions;

import dev.paas.problems.Forbidden;

/** A disabled account tried to start a session. */
public class AccountDisabledException extends Forbidden {

    public AccountDisabledException() {
        super("this account is disabled; ask an admin to enable it");
    }
}
