package dev.paas.billing.topups;

import dev.paas.billing.wallets.Wallets;
import dev.paas.problems.NotFound;
import dev.paas.problems.Unavailable;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Users' top-ups through Stripe Checkout: {@link #start} checks the amount, opens a Checkout Session and records it
 * as pending; the wallet is credited later, when Stripe's signed webhook confirms the payment
 * ({@link StripeWebhooks}).
 */
@Service
public class TopUps {

    private static final Log log = LogFactory.getLog(TopUps.class);

    private final StripeProperties properties;
    private final StripeCheckout checkout;
    private final TopUpSessions sessions;
    private final Wallets wallets;
    private final Clock clock;

    TopUps(StripeProperties properties, StripeCheckout checkout, TopUpSessions sessions, Wallets wallets,
            ObjectProvider<Clock> clock) {
        this.properties = properties;
        this.checkout = checkout;
        this.sessions = sessions;
        this.wallets = wallets;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Opens a Checkout Session for {@code amount} (a decimal string) in {@code currency} ({@code null}: the
     * wallet's) and records it as pending. The call to Stripe is made before anything is stored and outside any
     * transaction: a failed call leaves nothing behind, and a session Stripe made but this service failed to record
     * is still credited when its webhook arrives, from the session's {@code client_reference_id}.
     *
     * @throws Unavailable (503) when no Stripe secret key is configured
     * @throws dev.paas.problems.InvalidInput (400) naming {@code amount} or {@code currency}
     * @throws dev.paas.problems.BadGateway (502) when Stripe cannot be reached or refuses
     */
    public TopUpView start(UUID userId, String amount, String currency) {
        if (!properties.checkoutConfigured()) {
            throw new Unavailable("top-ups by card are not configured on this platform: an operator must set"
                    + " paas.billing.stripe.secret-key (PAAS_BILLING_STRIPE_SECRET_KEY)");
        }
        TopUpAmount checked = TopUpAmount.parse(amount, currency, wallets.currency(), properties.minimumAmount(),
                properties.maximumAmount());
        UUID id = UUID.randomUUID();
        StripeCheckout.CheckoutSession session = checkout.create(id, userId, checked);
        TopUp topUp = sessions.save(TopUp.pending(id, userId, session.id(), checked.amount(), checked.currency(),
                session.url(), clock.instant()));
        log.info("top-up " + id + " of " + checked.amount().toPlainString() + " " + checked.currency() + " for "
                + userId + ": checkout session " + session.id());
        return topUp.view();
    }

    /** The user's latest top-ups, newest first. */
    public List<TopUpView> list(UUID userId) {
        return sessions.findTop50ByUserIdOrderByCreatedAtDesc(userId).stream().map(TopUp::view).toList();
    }

    /** One of the user's top-ups; someone else's answers as an unknown one. */
    public TopUpView view(UUID id, UUID userId) {
        return sessions.findByIdAndUserId(id, userId).map(TopUp::view)
                .orElseThrow(() -> new NotFound("top-up", id));
    }
}
