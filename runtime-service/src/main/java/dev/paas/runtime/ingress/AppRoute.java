package dev.paas.runtime.ingress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Caddy route of one app: its host names, and a reverse proxy whose upstreams are looked up by name
 * ({@code dynamic_upstreams} of source {@code a}) in the ingress DNS server, which serves the entries of
 * {@link UpstreamDirectory}. The route does not change when the app is redeployed, scaled or restarted.
 */
final class AppRoute {

    private AppRoute() {
    }

    /** The route's {@code @id}: {@code app-<slug>}. */
    static String id(String slug) {
        return "app-" + slug;
    }

    /** The route object as Caddy's JSON config wants it. */
    static Map<String, Object> of(String slug, List<String> hosts, String upstreamName, Upstreams upstreams) {
        Map<String, Object> dynamic = new LinkedHashMap<>();
        dynamic.put("source", "a");
        dynamic.put("name", upstreamName);
        dynamic.put("port", Integer.toString(upstreams.port()));
        dynamic.put("refresh", upstreams.refresh().toMillis() + "ms");
        dynamic.put("resolver", Map.of("addresses", List.of("udp/" + upstreams.dns())));
        dynamic.put("dial_timeout", "1s");
        Map<String, Object> proxy = new LinkedHashMap<>();
        proxy.put("handler", "reverse_proxy");
        proxy.put("dynamic_upstreams", dynamic);
        // a replica that went away between two lookups is skipped: the request is retried on another one
        proxy.put("load_balancing", Map.of(
                "selection_policy", Map.of("policy", "round_robin"),
                "try_duration", upstreams.tryDuration().toMillis() + "ms",
                "try_interval", "100ms"));
        // idle connections to a replica close soon, so a drained replica's connection count reaches zero quickly
        proxy.put("transport", Map.of(
                "protocol", "http",
                "keep_alive", Map.of("idle_timeout", upstreams.idleTimeout().toMillis() + "ms")));
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("@id", id(slug));
        route.put("match", List.of(Map.of("host", List.copyOf(hosts))));
        route.put("handle", List.of(proxy));
        route.put("terminal", true);
        return route;
    }
}
