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

    /** The page a suspended app's host names answer with, status 402, instead of a bare 502 from no upstream. */
    static final String PAUSED_PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>App paused</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body style="font-family: sans-serif; max-width: 36em; margin: 4em auto; padding: 0 1em">
            <h1>This app is paused</h1>
            <p>This app is paused: its account's balance is due. It comes back by itself once the account is
            topped up.</p>
            </body></html>
            """;

    /**
     * The route of a suspended app: the same {@code @id} and host names, answering every request with
     * {@link #PAUSED_PAGE} and status 402 (Payment Required).
     */
    static Map<String, Object> paused(String slug, List<String> hosts) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("handler", "static_response");
        page.put("status_code", "402");
        page.put("headers", Map.of("Content-Type", List.of("text/html; charset=utf-8"),
                "Cache-Control", List.of("no-store")));
        page.put("body", PAUSED_PAGE);
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("@id", id(slug));
        route.put("match", List.of(Map.of("host", List.copyOf(hosts))));
        route.put("handle", List.of(page));
        route.put("terminal", true);
        return route;
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
