package dev.paas.identity.web;

import dev.paas.identity.accounts.Account;
import dev.paas.identity.sessions.TokenPair;

/** The answer to register, login, refresh and GitHub sign-in: who signed in and the session's tokens. */
public record SessionView(UserView user, String accessToken, String refreshToken, long expiresIn, String tokenType) {

    public static SessionView of(Account account, TokenPair tokens) {
        return new SessionView(UserView.of(account), tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn(),
                tokens.tokenType());
    }
}
