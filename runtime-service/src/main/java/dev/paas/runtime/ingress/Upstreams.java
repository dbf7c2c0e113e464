package dev.paas.runtime.ingress;

import java.time.Duration;

/**
 * How Caddy finds an app's replicas.
 *
 * @param dns the ingress DNS server ({@code host:port}, UDP) that serves the {@link UpstreamDirectory}
 * @param port the port every replica is published on, each on a loopback address of its own
 * @param refresh how long Caddy caches a lookup: the longest a switch takes to reach it
 * @param tryDuration how long Caddy keeps retrying a request whose replica cannot be reached
 * @param idleTimeout how long Caddy keeps an idle connection to a replica open
 */
public record Upstreams(String dns, int port, Duration refresh, Duration tryDuration, Duration idleTimeout) {
}
