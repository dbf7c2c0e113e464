package dev.paas.gateway.edge;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who is calling: the TCP peer, except when the peer is loopback (Caddy in front of the gateway), where the last
 * {@code X-Forwarded-For} entry is the address Caddy saw. Entries before the last one were written by the client and
 * prove nothing, so they are never used.
 */
public final class ClientAddress {

    private static final String ATTRIBUTE = ClientAddress.class.getName();
    // Digits, hex letters, dots and colons only: anything else is not an address and must not become a Redis key.
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

    private ClientAddress() {
    }

    /** The caller's address, resolved once per exchange. */
    public static String of(ServerWebExchange exchange) {
        String cached = exchange.getAttribute(ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        String address = resolve(exchange.getRequest());
        exchange.getAttributes().put(ATTRIBUTE, address);
        return address;
    }

    /** Whether the TCP peer is this machine, i.e. the ingress, whose forwarding headers can be trusted. */
    public static boolean fromLoopback(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress address = remote == null ? null : remote.getAddress();
        return address != null && address.isLoopbackAddress();
    }

    private static String resolve(ServerHttpRequest request) {
        String peer = peer(request);
        if (!fromLoopback(request)) {
            return peer;
        }
        List<String> forwarded = request.getHeaders().get("X-Forwarded-For");
        if (forwarded == null || forwarded.isEmpty()) {
            return peer;
        }
        String[] hops = forwarded.get(forwarded.size() - 1).split(",");
        String last = hops[hops.length - 1].strip();
        return ADDRESS.matcher(last).matches() ? last.toLowerCase(Locale.ROOT) : peer;
    }

    private static String peer(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        InetAddress address = remote.getAddress();
        return address != null ? address.getHostAddress() : remote.getHostString();
    }
}
