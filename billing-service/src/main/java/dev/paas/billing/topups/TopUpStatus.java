package dev.paas.billing.topups;

/** Where a top-up's Checkout Session stands: waiting for the customer, paid (and credited), or expired unpaid. */
public enum TopUpStatus {
    PENDING, PAID, EXPIRED
}
