package dev.paas.identity.accounts;

/** Registration with an email that already has an account. */
public class EmailTakenException extends RuntimeException {

    public EmailTakenException() {
        super("an account with this email already exists");
    }
}
