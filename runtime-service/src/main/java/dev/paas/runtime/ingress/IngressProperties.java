package dev.paas.runtime.ingress;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where apps are served and how Caddy is reached.
 *
 * @param baseDomain apps are served at {@code <slug>.<baseDomain>}
 * @param ingress Caddy's public HTTP listener
 * @param caddy Caddy's admin API
 */
@ConfigurationProperties("paas")
record IngressProperties(@DefaultValue("paas.localhost") String baseDomain, @DefaultValue Ingress ingress,
        @DefaultValue Caddy caddy) {

    /** @param port the port Caddy's HTTP server listens on; part of app URLs unless it is 80 */
    record Ingress(@DefaultValue("8000") int port) {
    }

    /**
     * @param adminUrl base URL of the admin API
     * @param server name of the HTTP server app routes are added to
     * @param connectTimeout connection timeout of admin calls
     */
    record Caddy(@DefaultValue("http://127.0.0.1:2019") String adminUrl, @DefaultValue("paas") String server,
            @DefaultValue("2s") Duration connectTimeout) {
    }
}
