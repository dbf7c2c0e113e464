package dev.paas.metrics.notifications;

/** A notification could not be delivered; {@code retryable} unless trying again cannot help (a 404 webhook). */
class DeliveryFailed extends Exception {

    private final boolean retryable;

    DeliveryFailed(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    boolean retryable() {
        return retryable;
    }
}
