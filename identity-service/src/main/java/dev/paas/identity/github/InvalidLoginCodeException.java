package dev.paas.identity.github;

import dev.paas.problems.Unauthorized;

/** A one-time GitHub login code that is unknown, used or expired. */
public class InvalidLoginCodeException extends Unauthorized {

    InvalidLoginCodeException() {
        super("this GitHub login code is invalid, used or expired; sign in with GitHub again");
    }
}
