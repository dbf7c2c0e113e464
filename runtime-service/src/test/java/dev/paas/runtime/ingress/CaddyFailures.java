package dev.paas.runtime.ingress;

/** Instances of the ingress failures for tests outside this package. */
public final class CaddyFailures {

    private CaddyFailures() {
    }

    public static RuntimeException refusal() {
        return new CaddyRefused("Caddy refused PUT /config/...: test");
    }

    public static RuntimeException unavailability() {
        return new CaddyUnavailable("Caddy admin API could not be reached: test", null);
    }
}
