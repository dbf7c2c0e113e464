package dev.paas.messaging.binder;

/** Spring message header names the binder reads and writes. */
public final class JetStreamHeaders {

    /** Subject to publish to; when absent the destination itself is the subject. */
    public static final String SUBJECT = "nats_subject";
    /** Message id for JetStream's duplicate window ({@code Nats-Msg-Id}). */
    public static final String MESSAGE_ID = "nats_msg_id";
    /** Number of times the server has delivered this message, on inbound messages. */
    public static final String DELIVERED = "nats_delivered";
    /** Stream sequence of an inbound message. */
    public static final String STREAM_SEQUENCE = "nats_stream_sequence";

    /** Prefix of header names copied between Spring messages and NATS messages. */
    static final String PASSED_PREFIX = "paas-";

    private JetStreamHeaders() {
    }
}
