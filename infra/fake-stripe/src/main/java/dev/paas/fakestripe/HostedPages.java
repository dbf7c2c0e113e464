package dev.paas.fakestripe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * What a person and a script see of the fake: the hosted payment page {@code GET /checkout/{id}} with a Pay button
 * ({@code POST /checkout/{id}/pay}: pays, sends the webhook, redirects to the session's success URL), and the test
 * hook {@code POST /test/checkout/sessions/{id}/pay} that pays and answers the delivery as JSON.
 */
final class HostedPages implements HttpHandler {

    private final FakeStripe stripe;

    HostedPages(FakeStripe stripe) {
        this.stripe = stripe;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.startsWith("/test/checkout/sessions/") && path.endsWith("/pay") && "POST".equals(method)) {
            String id = path.substring("/test/checkout/sessions/".length(), path.length() - "/pay".length());
            payAndAnswer(exchange, id, false);
        } else if (path.startsWith("/checkout/") && path.endsWith("/pay") && "POST".equals(method)) {
            String id = path.substring("/checkout/".length(), path.length() - "/pay".length());
            payAndAnswer(exchange, id, true);
        } else if (path.startsWith("/checkout/") && "GET".equals(method)) {
            page(exchange, path.substring("/checkout/".length()));
        } else {
            Exchanges.error(exchange, 404, "invalid_request_error", "Not found: " + method + " " + path, null);
        }
    }

    private void payAndAnswer(HttpExchange exchange, String id, boolean browser) throws IOException {
        Optional<CheckoutSession> session = stripe.session(id);
        if (session.isEmpty()) {
            Exchanges.error(exchange, 404, "invalid_request_error", "No such checkout.session: " + id, "id");
            return;
        }
        if (!"open".equals(session.get().status())) {
            Exchanges.error(exchange, 409, "invalid_request_error", "checkout session " + id + " is "
                    + session.get().status(), null);
            return;
        }
        Delivery delivery = stripe.pay(id);
        if (browser) {
            Exchanges.redirect(exchange, session.get().successUrl());
        } else {
            Exchanges.json(exchange, 200, Map.of("event", delivery.eventId(), "url", delivery.url(),
                    "status", delivery.status(), "response", delivery.response()));
        }
    }

    private void page(HttpExchange exchange, String id) throws IOException {
        Optional<CheckoutSession> found = stripe.session(id);
        if (found.isEmpty()) {
            Exchanges.html(exchange, 404, "<!doctype html><title>Not found</title><p>No such checkout session.");
            return;
        }
        CheckoutSession session = found.get();
        String amount = session.amountTotal() + " " + session.currency() + " (minor units)";
        Exchanges.html(exchange, 200, "<!doctype html><title>Fake Stripe Checkout</title>"
                + "<h1>Fake Stripe Checkout</h1><p>Session " + Exchanges.escape(session.id()) + ": "
                + Exchanges.escape(amount) + ", " + Exchanges.escape(session.status()) + ".</p>"
                + ("open".equals(session.status())
                        ? "<form method=\"post\" action=\"/checkout/" + Exchanges.escape(session.id())
                                + "/pay\"><button>Pay</button></form>"
                        : "")
                + (session.cancelUrl() != null
                        ? "<p><a href=\"" + Exchanges.escape(session.cancelUrl()) + "\">Cancel</a></p>"
                        : ""));
    }
}
