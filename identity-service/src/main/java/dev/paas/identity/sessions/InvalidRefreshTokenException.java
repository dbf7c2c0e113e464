package dev.paas.identity.sessions;

import dev.paas.problems.Unauthorized;

/** A refresh token that is unknown, expired, used or revoked; the caller must sign in again. */
public class InvalidRefreshTokenException extends Unauthorized {

    public InvalidRefreshTokenException(String message) {
        super(message);
    }
}
