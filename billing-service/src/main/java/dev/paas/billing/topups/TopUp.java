package dev.paas.billing.topups;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One top-up through Stripe Checkout: the session the platform created for a user and an amount, and whether Stripe
 * has confirmed the payment. Credited once, when it becomes {@link TopUpStatus#PAID}.
 */
@Table("topup_sessions")
class TopUp {

    @Id
    private final UUID id;
    private final UUID userId;
    private final String sessionId;
    private final BigDecimal amount;
    private final String currency;
    private final String checkoutUrl;
    private final Instant createdAt;
    private TopUpStatus status;
    private BigDecimal amountPaid;
    private Instant paidAt;
    @Version
    private Integer version;

    @PersistenceCreator
    TopUp(UUID id, UUID userId, String sessionId, BigDecimal amount, String currency, String checkoutUrl,
            Instant createdAt, TopUpStatus status, BigDecimal amountPaid, Instant paidAt, Integer version) {
        this.id = id;
        this.userId = userId;
        this.sessionId = sessionId;
        this.amount = amount;
        this.currency = currency;
        this.checkoutUrl = checkoutUrl;
        this.createdAt = createdAt;
        this.status = status;
        this.amountPaid = amountPaid;
        this.paidAt = paidAt;
        this.version = version;
    }

    static TopUp pending(UUID id, UUID userId, String sessionId, BigDecimal amount, String currency,
            String checkoutUrl, Instant at) {
        return new TopUp(id, userId, sessionId, amount, currency, checkoutUrl, at, TopUpStatus.PENDING, null, null,
                null);
    }

    /**
     * Stripe collected {@code paid}. An expired session may still be marked paid: an event about money received
     * wins over one about the session lapsing, whatever order they arrive in.
     */
    void paid(BigDecimal paid, Instant at) {
        if (status == TopUpStatus.PAID) {
            throw new IllegalStateException("cannot mark top-up " + id + " paid: it is PAID since " + paidAt);
        }
        this.status = TopUpStatus.PAID;
        this.amountPaid = paid;
        this.paidAt = at;
    }

    void expired() {
        if (status != TopUpStatus.PENDING) {
            throw new IllegalStateException("cannot expire top-up " + id + ": it is " + status);
        }
        this.status = TopUpStatus.EXPIRED;
    }

    boolean isPaid() {
        return status == TopUpStatus.PAID;
    }

    UUID id() {
        return id;
    }

    UUID userId() {
        return userId;
    }

    String sessionId() {
        return sessionId;
    }

    TopUpStatus status() {
        return status;
    }

    TopUpView view() {
        return new TopUpView(id, sessionId, amount.toPlainString(), currency, status,
                status == TopUpStatus.PENDING ? checkoutUrl : null,
                amountPaid == null ? null : amountPaid.toPlainString(), createdAt, paidAt);
    }
}
