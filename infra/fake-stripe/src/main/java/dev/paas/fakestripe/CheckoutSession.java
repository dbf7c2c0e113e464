package dev.paas.fakestripe;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Checkout Session the fake created, as Stripe keeps it: the form it was created with, the amount (in the
 * currency's minor unit) and where it stands ({@code status} open, complete or expired; {@code paymentStatus} unpaid
 * or paid).
 */
public final class CheckoutSession {

    private final String id;
    private final String mode;
    private final long amountTotal;
    private final String currency;
    private final String clientReferenceId;
    private final Map<String, String> metadata;
    private final String successUrl;
    private final String cancelUrl;
    private final String url;
    private final Map<String, String> form;
    private final Instant created;
    private String status = "open";
    private String paymentStatus = "unpaid";
    private String paymentIntent;

    CheckoutSession(String id, String mode, long amountTotal, String currency, String clientReferenceId,
            Map<String, String> metadata, String successUrl, String cancelUrl, String url, Map<String, String> form,
            Instant created) {
        this.id = id;
        this.mode = mode;
        this.amountTotal = amountTotal;
        this.currency = currency;
        this.clientReferenceId = clientReferenceId;
        this.metadata = Map.copyOf(metadata);
        this.successUrl = successUrl;
        this.cancelUrl = cancelUrl;
        this.url = url;
        this.form = Map.copyOf(form);
        this.created = created;
    }

    synchronized void pay(String paymentIntent) {
        if (!"open".equals(status)) {
            throw new IllegalStateException("cannot pay checkout session " + id + ": it is " + status);
        }
        this.status = "complete";
        this.paymentStatus = "paid";
        this.paymentIntent = paymentIntent;
    }

    synchronized void expire() {
        if (!"open".equals(status)) {
            throw new IllegalStateException("cannot expire checkout session " + id + ": it is " + status);
        }
        this.status = "expired";
    }

    /** The session as Stripe's API and its events show it. */
    synchronized Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("object", "checkout.session");
        json.put("amount_subtotal", amountTotal);
        json.put("amount_total", amountTotal);
        json.put("cancel_url", cancelUrl);
        json.put("client_reference_id", clientReferenceId);
        json.put("created", created.getEpochSecond());
        json.put("currency", currency);
        json.put("expires_at", created.plusSeconds(24 * 3600).getEpochSecond());
        json.put("livemode", false);
        json.put("metadata", metadata);
        json.put("mode", mode);
        json.put("payment_intent", paymentIntent);
        json.put("payment_status", paymentStatus);
        json.put("status", status);
        json.put("success_url", successUrl);
        json.put("url", "open".equals(status) ? url : null);
        return json;
    }

    public String id() {
        return id;
    }

    public long amountTotal() {
        return amountTotal;
    }

    public String currency() {
        return currency;
    }

    public String clientReferenceId() {
        return clientReferenceId;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    public String successUrl() {
        return successUrl;
    }

    public String cancelUrl() {
        return cancelUrl;
    }

    /** The hosted payment page of the session (the fake's own, {@code <baseUrl>/checkout/<id>}). */
    public String url() {
        return url;
    }

    /** Every form field the session was created with, by its bracketed name ({@code line_items[0][quantity]}). */
    public Map<String, String> form() {
        return form;
    }

    public synchronized String status() {
        return status;
    }

    public synchronized String paymentStatus() {
        return paymentStatus;
    }
}
