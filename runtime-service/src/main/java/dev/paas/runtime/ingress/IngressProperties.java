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

    /**
     * @param port the port Caddy's HTTP server listens on; part of app URLs unless it is 80
     * @param upstreams how Caddy finds the replicas of apps
     */
    record Ingress(@DefaultValue("8000") int port, @DefaultValue UpstreamSettings upstreams) {
    }

    /**
     * @param directory the hosts directory the ingress DNS server watches ({@link UpstreamDirectory})
     * @param zone the DNS zone of replica names: {@code <slug>.<zone>}
     * @param dns the ingress DNS server, {@code host:port} over UDP
     * @param port the port replicas are published on, each on a loopback address of its own
     * @param refresh how long Caddy caches a lookup
     * @param tryDuration how long Caddy retries a request whose replica cannot be reached
     * @param idleTimeout how long Caddy keeps idle connections to a replica
     */
    record UpstreamSettings(@DefaultValue(".paas/upstreams") String directory,
            @DefaultValue("apps.paas.internal") String zone, @DefaultValue("127.0.0.1:5354") String dns,
            @DefaultValue("10080") int port, @DefaultValue("250ms") Duration refresh,
            @DefaultValue("1s") Duration tryDuration, @DefaultValue("2s") Duration idleTimeout) {
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
