package dev.paas.runtime.container;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the listening sockets out of the kernel's {@code /proc/net/tcp} and {@code /proc/net/tcp6} tables, so
 * no tool inside the app's image is needed. A line looks like
 * {@code 0: 0100007F:0BB8 00000000:0000 0A ...}: the local address as hex (each 32-bit word in the host's byte
 * order), the port as big-endian hex, then the state, where {@code 0A} is LISTEN. IPv4 and IPv6 lines are told
 * apart by the length of the address, so both files may be given at once (as {@code cat} prints them).
 */
final class ProcNetTcp {

    private static final String LISTEN = "0A";
    private static final String ESTABLISHED = "01";

    private ProcNetTcp() {
    }

    /** Whether {@code text} looks like one of the tables (their header names the columns). */
    static boolean isTable(String text) {
        return text.contains("local_address");
    }

    /**
     * The distinct listening sockets in the tables, in the order they appear; lines that are not table rows are
     * skipped.
     *
     * @param order the byte order of the kernel that wrote the tables (the host's, {@link ByteOrder#nativeOrder()})
     */
    static List<ListeningSocket> listening(String text, ByteOrder order) {
        Set<ListeningSocket> sockets = new LinkedHashSet<>();
        for (String line : text.lines().toList()) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length < 4 || !fields[0].endsWith(":") || !LISTEN.equalsIgnoreCase(fields[3])) {
                continue;
            }
            ListeningSocket socket = parseLocal(fields[1], order);
            if (socket != null) {
                sockets.add(socket);
            }
        }
        return List.copyOf(sockets);
    }

    /** How many established connections in the tables have {@code port} as their local port. */
    static int established(String text, int port) {
        int count = 0;
        for (String line : text.lines().toList()) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length < 4 || !fields[0].endsWith(":") || !ESTABLISHED.equalsIgnoreCase(fields[3])) {
                continue;
            }
            ListeningSocket local = parseLocal(fields[1], ByteOrder.BIG_ENDIAN);
            if (local != null && local.port() == port) {
                count++;
            }
        }
        return count;
    }

    private static ListeningSocket parseLocal(String local, ByteOrder order) {
        int colon = local.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String hexAddress = local.substring(0, colon);
        if (hexAddress.length() != 8 && hexAddress.length() != 32) {
            return null;
        }
        try {
            byte[] address = wordsInNetworkOrder(HexFormat.of().parseHex(hexAddress), order);
            int port = Integer.parseInt(local.substring(colon + 1), 16);
            return new ListeningSocket(InetAddress.getByAddress(address), port);
        } catch (IllegalArgumentException | UnknownHostException e) {
            return null;
        }
    }

    /*
     * The kernel prints each 32-bit word of the address as a hex number: the word as it lies in memory, read in
     * the kernel's byte order. Writing the numbers back in that order gives the bytes in memory: network order.
     */
    private static byte[] wordsInNetworkOrder(byte[] printed, ByteOrder order) {
        ByteBuffer numbers = ByteBuffer.wrap(printed);
        ByteBuffer memory = ByteBuffer.allocate(printed.length).order(order);
        while (numbers.hasRemaining()) {
            memory.putInt(numbers.getInt());
        }
        return memory.array();
    }
}
