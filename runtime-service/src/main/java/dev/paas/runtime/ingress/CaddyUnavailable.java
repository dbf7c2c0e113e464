package dev.paas.runtime.ingress;

/** Caddy's admin API could not be reached or did not answer in time. Worth retrying. */
public class CaddyUnavailable extends RuntimeException {

    CaddyUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
