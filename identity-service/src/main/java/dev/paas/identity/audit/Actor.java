package dev.paas.identity.audit;

import java.util.UUID;

/**
 * Who asks for a change, as the audit log records it: the signed-in account (null id and email when nobody is
 * signed in yet) and the client address it came from.
 */
public record Actor(UUID id, String email, String clientIp) {

    /** Someone not signed in, known only by address. */
    public static Actor anonymous(String clientIp) {
        return new Actor(null, null, clientIp);
    }
}
