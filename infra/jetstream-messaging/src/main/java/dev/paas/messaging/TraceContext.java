package dev.paas.messaging;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The W3C {@code traceparent} of the event being handled on this thread, so events it causes carry the same trace.
 */
public final class TraceContext {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceContext() {
    }

    /** The current trace, or a new one when this thread handles no event. */
    public static String currentOrNew() {
        String current = CURRENT.get();
        return current != null ? current : newTraceparent();
    }

    static void set(String traceparent) {
        CURRENT.set(traceparent);
    }

    static void clear() {
        CURRENT.remove();
    }

    static String newTraceparent() {
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        RANDOM.nextBytes(trace);
        RANDOM.nextBytes(span);
        HexFormat hex = HexFormat.of();
        return "00-" + hex.formatHex(trace) + "-" + hex.formatHex(span) + "-01";
    }

    /** Runs {@code action} with {@code traceparent} as the current trace. */
    public static void runWith(String traceparent, Runnable action) {
        String previous = CURRENT.get();
        set(traceparent);
        try {
            action.run();
        } finally {
            if (previous == null) {
                clear();
            } else {
                set(previous);
            }
        }
    }
}
