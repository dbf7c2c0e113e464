package dev.paas.tokens;

/**
 * An access token that breaks one of the platform's rules. Thrown by {@link PlatformTokenRules#verify}; the message
 * names the rule in words a client may read (it becomes the 401's detail), never the token itself.
 */
public final class RejectedToken extends RuntimeException {

    RejectedToken(String reason) {
        super(reason);
    }
}
