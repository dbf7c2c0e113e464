package dev.paas.runtime.ingress;

import dev.paas.docker.CallFailures;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.URI;
import java.time.Duration;

/**
 * Failures of calls to Caddy's admin API: its answers ({@link CaddyRefused}, {@link CaddyUnavailable} for a 5xx)
 * and programming errors reach the caller unchanged; a connection that failed, a time-out and an open breaker are
 * {@link CaddyUnavailable}.
 */
final class CaddyCallFailures implements CallFailures {

    private final URI admin;

    CaddyCallFailures(URI admin) {
        this.admin = admin;
    }

    @Override
    public RuntimeException translate(String what, Throwable failure) {
        return switch (failure) {
            case CaddyRefused refused -> refused;
            case CaddyUnavailable unavailable -> unavailable;
            case RuntimeException unrelated -> unrelated;
            default -> new CaddyUnavailable("Caddy admin API at " + admin + " could not be reached (" + what + "): "
                    + failure, failure);
        };
    }

    @Override
    public RuntimeException timedOut(String what, Duration limit) {
        return new CaddyUnavailable("Caddy admin API did not answer (" + what + ") within " + limit.toMillis()
                + " ms", null);
    }

    @Override
    public RuntimeException rejected(String what, CallNotPermittedException rejection) {
        return new CaddyUnavailable("Caddy admin API at " + admin + " is unavailable: recent calls failed, " + what
                + " is not tried until it recovers", rejection);
    }
}
