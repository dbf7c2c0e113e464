package dev.paas.identity.apitokens;

/** A token just created, with its secret: the only time the secret is known outside the caller's hands. */
public record CreatedApiToken(ApiToken token, String secret) {
}
