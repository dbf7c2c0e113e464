package dev.paas.identity.apitokens;

import dev.paas.problems.Unauthorized;

/** An API token that cannot be exchanged: unknown, revoked, expired, or its account is disabled. */
public class InvalidApiTokenException extends Unauthorized {

    public InvalidApiTokenException() {
        super("API token is not valid (unknown, revoked or expired, or its account is disabled)");
    }
}
