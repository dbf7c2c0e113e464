package dev.paas.identity.sessions;

/** What a sign-in or refresh hands out: a short access token and the refresh token that renews it. */
public record TokenPair(String accessToken, String refreshToken, long expiresIn, String tokenType) {

    public static TokenPair bearer(String accessToken, String refreshToken, long expiresIn) {
        return new TokenPair(accessToken, refreshToken, expiresIn, "Bearer");
    }
}
