package dev.paas.project.accounts;

import dev.paas.problems.PaymentRequired;

/** An account billing-service suspended, for {@code reason} (as billing put it; {@code null} when it gave none). */
record Suspension(String reason) {

    /** {@code your account is suspended (its balance is due): top up to create apps again}. */
    PaymentRequired refusal(NewWork work) {
        String why = reason == null || reason.isBlank() ? "its balance is due" : reason.strip();
        return new PaymentRequired("your account is suspended (" + why + "): top up to " + work.action + " again");
    }
}
