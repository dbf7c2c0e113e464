package dev.paas.identity.apitokens;

import java.util.UUID;

/** No API token with this id belongs to the caller (someone else's is not found either). */
public class ApiTokenNotFoundException extends RuntimeException {

    public ApiTokenNotFoundException(UUID id) {
        super("API token " + id + " not found");
    }
}
