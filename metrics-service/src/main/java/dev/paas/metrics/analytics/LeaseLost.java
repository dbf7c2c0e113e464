package dev.paas.metrics.analytics;

/** Another replica took over the tail of the access log (this one was too slow to renew its lease). */
final class LeaseLost extends RuntimeException {

    LeaseLost(String logPath, String owner) {
        super("the tail of " + logPath + " is no longer leased to " + owner);
    }
}
