package dev.paas.problems;

/**
 * The caller's account is suspended for an unpaid balance (402): nothing new runs until it is topped up. Changes
 * nothing.
 */
public non-sealed class PaymentRequired extends ProblemException {

    public PaymentRequired(String detail) {
        super(detail, null);
    }
}
