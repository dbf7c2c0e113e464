package dev.paas.identity.sessions;

/** A disabled account tried to start a session. */
public class AccountDisabledException extends RuntimeException {

    public AccountDisabledException() {
        super("this account is disabled; ask an admin to enable it");
    }
}
