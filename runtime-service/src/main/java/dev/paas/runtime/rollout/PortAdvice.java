package dev.paas.runtime.rollout;

import dev.paas.runtime.container.ListeningSocket;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Why an app that keeps running never answered on its port, told from the sockets it listens on inside its
 * container: on the right port but loopback only, on another port, on none at all.
 */
final class PortAdvice {

    private static final int MAX_LISTED = 5;

    private PortAdvice() {
    }

    /**
     * What follows "app did not answer HTTP on port {@code appPort} within ...": a clause starting with a
     * separator, with the log tail when the sockets do not explain it.
     */
    static String explain(int appPort, List<ListeningSocket> sockets, List<String> lastLogLines) {
        if (sockets.isEmpty()) {
            return ": it opened no port" + logOf(lastLogLines);
        }
        List<ListeningSocket> onPort = sockets.stream().filter(socket -> socket.port() == appPort).toList();
        List<ListeningSocket> reachableOnPort = onPort.stream().filter(socket -> !socket.loopback()).toList();
        if (!reachableOnPort.isEmpty()) {
            return ", though it listens on " + listed(reachableOnPort) + logOf(lastLogLines);
        }
        if (!onPort.isEmpty()) {
            return ": the app listens on " + listed(onPort) + " inside its container; listen on 0.0.0.0 or on $PORT";
        }
        List<ListeningSocket> reachable = sockets.stream().filter(socket -> !socket.loopback()).toList();
        if (!reachable.isEmpty()) {
            List<Integer> ports = reachable.stream().map(ListeningSocket::port).distinct().toList();
            String setPort = ports.size() == 1 ? "set the port to " + ports.getFirst()
                    : "set the port to one of " + ports.stream().limit(MAX_LISTED).map(String::valueOf)
                            .collect(Collectors.joining(", "));
            return ": the app listens on " + listed(reachable) + ", not on port " + appPort + ": " + setPort
                    + " or listen on $PORT";
        }
        return ": the app listens on " + listed(sockets) + " inside its container, not on 0.0.0.0:" + appPort
                + "; listen on 0.0.0.0 and on $PORT";
    }

    /** The log tail after a semicolon, or a note that there is none. */
    static String logOf(List<String> lastLogLines) {
        String tail = LogTail.of(lastLogLines);
        return tail.isEmpty() ? " and wrote no log" : "; its last log lines:\n" + tail;
    }

    private static String listed(List<ListeningSocket> sockets) {
        String shown = sockets.stream().limit(MAX_LISTED).map(ListeningSocket::toString)
                .collect(Collectors.joining(", "));
        return sockets.size() > MAX_LISTED ? shown + " and " + (sockets.size() - MAX_LISTED) + " more" : shown;
    }
}
