package dev.paas.messaging.binder;

/**
 * Thrown by a handler for a message that can never be processed (malformed payload, unknown version). The binder
 * dead-letters it at once instead of redelivering it.
 */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }

    public PoisonMessageException(String message) {
        super(message);
    }
}
