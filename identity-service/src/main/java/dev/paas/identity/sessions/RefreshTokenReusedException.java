package dev.paas.identity.sessions;

/** A refresh token was presented again after it was used or revoked: its family is compromised. */
class RefreshTokenReusedException extends RuntimeException {

    RefreshTokenReusedException(String state) {
        super("refresh token was already " + state);
    }
}
