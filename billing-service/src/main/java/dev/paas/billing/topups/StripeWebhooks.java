package dev.paas.billing.topups;

import dev.paas.billing.wallets.EntryKind;
import dev.paas.billing.wallets.Wallets;
import dev.paas.problems.InvalidInput;
import dev.paas.problems.Unavailable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's webhook deliveries. Each is verified first ({@link StripeSignatures}); a bad one is refused and changes
 * nothing. A paid {@code checkout.session.completed} (or {@code checkout.session.async_payment_succeeded}) credits the
 * wallet with what Stripe collected, once per session: the top-up's row is locked, a {@code PAID} one is not credited
 * again, and the ledger entry's reference {@code stripe:<session id>} is unique besides. Stripe delivers at least once
 * and retries for days, so every outcome that a retry cannot change answers success.
 */
@Service
public class StripeWebhooks {

    private static final Log log = LogFactory.getLog(StripeWebhooks.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StripeProperties properties;
    private final TopUpSessions sessions;
    private final Wallets wallets;
    private final TransactionTemplate transactions;
    private final Clock clock;

    StripeWebhooks(StripeProperties properties, TopUpSessions sessions, Wallets wallets,
            TransactionTemplate transactions, ObjectProvider<Clock> clock) {
        this.properties = properties;
        this.sessions = sessions;
        this.wallets = wallets;
        this.transactions = transactions;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** What a delivery did, for the answer to Stripe and the log. */
    public enum Outcome {
        CREDITED, ALREADY_CREDITED, EXPIRED, IGNORED
    }

    /**
     * Handles one delivery: {@code body} exactly as received and its {@code Stripe-Signature} header.
     *
     * @throws Unavailable (503) when no webhook secret is configured
     * @throws InvalidInput (400) when the signature does not verify or the body is not an event
     */
    public Outcome receive(byte[] body, String signature) {
        if (!properties.webhooksConfigured()) {
            throw new Unavailable("Stripe webhooks are not configured on this platform: an operator must set"
                    + " paas.billing.stripe.webhook-secret (PAAS_BILLING_STRIPE_WEBHOOK_SECRET)");
        }
        try {
            new StripeSignatures(properties.webhookSecret(), properties.tolerance()).verify(body, signature,
                    clock.instant());
        } catch (InvalidInput refused) {
            log.warn("refused a Stripe webhook: " + refused.getMessage());
            throw refused;
        }
        JsonNode event = parse(body);
        String type = event.path("type").asString("");
        JsonNode session = event.path("data").path("object");
        Outcome outcome = switch (type) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> completed(session);
            case "checkout.session.expired", "checkout.session.async_payment_failed" -> expired(session);
            default -> Outcome.IGNORED;
        };
        log.info("Stripe event " + event.path("id").asString("?") + " (" + type + ") for session "
                + session.path("id").asString("-") + ": " + outcome);
        return outcome;
    }

    private Outcome completed(JsonNode session) {
        if (!"paid".equals(session.path("payment_status").asString(""))) {
            // A delayed payment method: the money is not there yet; async_payment_succeeded will follow.
            return Outcome.IGNORED;
        }
        String sessionId = session.path("id").asString("");
        if (sessionId.isBlank()) {
            throw new InvalidInput("data.object.id", "is missing from the checkout session");
        }
        String currency = session.path("currency").asString("");
        if (!currency.equalsIgnoreCase(wallets.currency())) {
            log.error("cannot credit Stripe checkout session " + sessionId + ": it was paid in " + currency
                    + ", the wallets are in " + wallets.currency() + "; an operator must refund or adjust by hand");
            return Outcome.IGNORED;
        }
        BigDecimal paid = TopUpAmount.fromMinorUnits(session.path("amount_total").asLong(), wallets.currency());
        return transactions.execute(status -> {
            Optional<TopUp> found = sessions.lockBySessionId(sessionId);
            TopUp topUp = found.isPresent() ? found.get() : adopted(session, sessionId, paid);
            if (topUp == null) {
                return Outcome.IGNORED;
            }
            if (topUp.isPaid()) {
                return Outcome.ALREADY_CREDITED;
            }
            Instant now = clock.instant();
            wallets.append(topUp.userId(), EntryKind.TOP_UP, paid, "Stripe top-up, checkout session " + sessionId,
                    "stripe:" + sessionId, null);
            topUp.paid(paid, now);
            sessions.save(topUp);
            return Outcome.CREDITED;
        });
    }

    /**
     * A paid session this service did not record (it failed between Stripe's answer and its own insert): the money
     * was collected for the user named in {@code client_reference_id}, so it is recorded and credited all the same.
     * Without a readable user it cannot be, and is logged for an operator.
     */
    private TopUp adopted(JsonNode session, String sessionId, BigDecimal paid) {
        UUID userId;
        try {
            userId = UUID.fromString(session.path("client_reference_id").asString(""));
        } catch (IllegalArgumentException e) {
            log.error("cannot credit Stripe checkout session " + sessionId + ": it is unknown here and names no"
                    + " user in client_reference_id");
            return null;
        }
        UUID id = parseOr(session.path("metadata").path("top_up_id").asString(""), UUID.randomUUID());
        log.warn("Stripe checkout session " + sessionId + " was not recorded when it was created; recording it"
                + " now for " + userId);
        return sessions.save(TopUp.pending(id, userId, sessionId, paid, wallets.currency(), null, clock.instant()));
    }

    private Outcome expired(JsonNode session) {
        String sessionId = session.path("id").asString("");
        return transactions.execute(status -> sessions.lockBySessionId(sessionId)
                .filter(topUp -> topUp.status() == TopUpStatus.PENDING)
                .map(topUp -> {
                    topUp.expired();
                    sessions.save(topUp);
                    return Outcome.EXPIRED;
                }).orElse(Outcome.IGNORED));
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode event = JSON.readTree(body);
            if (event == null || !event.isObject() || !event.path("type").isString()) {
                throw new InvalidInput("body", "is not a Stripe event");
            }
            return event;
        } catch (JacksonException e) {
            throw new InvalidInput("body", "is not a Stripe event: it is not JSON");
        }
    }

    private static UUID parseOr(String value, UUID fallback) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
