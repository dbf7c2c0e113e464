package dev.paas.messaging.binder;

/**
 * Per-binding producer settings ({@code spring.cloud.stream.jetstream.bindings.<name>.producer.*}). None yet:
 * the subject comes from the message's {@link JetStreamHeaders#SUBJECT} header or the destination.
 */
public class JetStreamProducerProperties {
}
