package dev.paas.identity.login;

import dev.paas.problems.Unauthorized;

/** Wrong email or password; deliberately does not say which. */
public class InvalidCredentialsException extends Unauthorized {

    public InvalidCredentialsException() {
        super("invalid email or password");
    }
}
