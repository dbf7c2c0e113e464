package dev.paas.identity.apitokens;

/** An API token that cannot be exchanged: unknown, revoked, expired, or its account is disabled. */
public class InvalidApiTokenException extends RuntimeException {

    public InvalidApiTokenException() {
        super("API token is not valid (unknown, revoked or expired, or its account is disabled)");
    }
}
