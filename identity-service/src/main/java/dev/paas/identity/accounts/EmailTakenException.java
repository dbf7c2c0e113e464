package dev.paas.identity.accounts;

import dev.paas.problems.Conflict;

/** Registration with an email that already has an account. */
public class EmailTakenException extends Conflict {

    public EmailTakenException() {
        super("an account with this email already exists");
    }
}
