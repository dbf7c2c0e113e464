package dev.paas.runtime.container;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A TCP socket in the LISTEN state inside a container's network namespace.
 *
 * @param address the local address it is bound to; an IPv4-mapped IPv6 address ({@code ::ffff:127.0.0.1}) is
 *        its IPv4 address
 * @param port the local port
 */
public record ListeningSocket(InetAddress address, int port) {

    public ListeningSocket {
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
    }

    /** Reachable only from inside the container: {@code 127.0.0.0/8} or {@code ::1}. */
    public boolean loopback() {
        return address.isLoopbackAddress();
    }

    /** Bound to every address: {@code 0.0.0.0} or {@code ::}. */
    public boolean anyAddress() {
        return address.isAnyLocalAddress();
    }

    /** {@code 127.0.0.1:3000}, {@code 0.0.0.0:8080}, {@code [::1]:3000}, {@code [::]:8080}. */
    @Override
    public String toString() {
        return switch (address) {
            case Inet4Address v4 -> v4.getHostAddress() + ":" + port;
            case Inet6Address v6 -> "[" + compact(v6.getAddress()) + "]:" + port;
            default -> address.getHostAddress() + ":" + port;
        };
    }

    /** RFC 5952 text: lower-case hex groups, the longest run of two or more zero groups written as {@code ::}. */
    private static String compact(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
