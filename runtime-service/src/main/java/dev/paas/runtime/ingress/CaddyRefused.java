package dev.paas.runtime.ingress;

/** Caddy's admin API answered but rejected the change. Repeating it will not help. */
public class CaddyRefused extends RuntimeException {

    CaddyRefused(String message) {
        super(message);
    }
}
