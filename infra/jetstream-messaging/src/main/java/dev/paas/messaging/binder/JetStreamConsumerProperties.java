package dev.paas.messaging.binder;

import java.time.Duration;

/**
 * Per-binding consumer settings ({@code spring.cloud.stream.jetstream.bindings.<name>.consumer.*}).
 *
 * <p>A failed delivery is nak'ed with an exponential delay from {@code backoffInitial} up to {@code backoffMax};
 * after {@code maxDeliver} deliveries it is moved to the dead-letter subject {@code dlq.<subject>}.
 */
public class JetStreamConsumerProperties {

    private int maxDeliver = 5;
    private Duration backoffInitial = Duration.ofSeconds(1);
    private Duration backoffMax = Duration.ofSeconds(30);
    private Duration ackWait = Duration.ofSeconds(60);
    private int batchSize = 16;
    private String durableName;

    public int getMaxDeliver() {
        return maxDeliver;
    }

    public void setMaxDeliver(int maxDeliver) {
        this.maxDeliver = maxDeliver;
    }

    public Duration getBackoffInitial() {
        return backoffInitial;
    }

    public void setBackoffInitial(Duration backoffInitial) {
        this.backoffInitial = backoffInitial;
    }

    public Duration getBackoffMax() {
        return backoffMax;
    }

    public void setBackoffMax(Duration backoffMax) {
        this.backoffMax = backoffMax;
    }

    public Duration getAckWait() {
        return ackWait;
    }

    public void setAckWait(Duration ackWait) {
        this.ackWait = ackWait;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    /** Durable consumer name; defaults to the binding's group. */
    public String getDurableName() {
        return durableName;
    }

    public void setDurableName(String durableName) {
        this.durableName = durableName;
    }

    /** The delay before the next delivery after {@code deliveries} failed ones. */
    Duration backoffAfter(long deliveries) {
        long shift = Math.min(Math.max(deliveries - 1, 0), 20);
        Duration delay = backoffInitial.multipliedBy(1L << shift);
        return delay.compareTo(backoffMax) > 0 ? backoffMax : delay;
    }
}
