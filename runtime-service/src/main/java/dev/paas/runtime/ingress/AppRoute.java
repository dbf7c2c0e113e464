package dev.paas.runtime.ingress;

import java.util.List;
import java.util.Map;

/** The Caddy route of one app: host match, reverse proxy to its container. */
final class AppRoute {

    private AppRoute() {
    }

    /** The route's {@code @id}: {@code app-<slug>}. */
    static String id(String slug) {
        return "app-" + slug;
    }

    /** The route object as Caddy's JSON config wants it. */
    static Map<String, Object> of(String slug, String host, String upstream) {
        return Map.of(
                "@id", id(slug),
                "match", List.of(Map.of("host", List.of(host))),
                "handle", List.of(Map.of(
                        "handler", "reverse_proxy",
                        "upstreams", upstreams(upstream))),
                "terminal", true);
    }

    /** The value of {@code handle/0/upstreams}. */
    static List<Map<String, String>> upstreams(String upstream) {
        return List.of(Map.of("dial", upstream));
    }
}
