package dev.paas.identity.sessions;

/** A refresh token that is unknown, expired, used or revoked; the caller must sign in again. */
public class InvalidRefreshTokenException extends RuntimeException {

    public InvalidRefreshTokenException(String message) {
        super(message);
    }
}
