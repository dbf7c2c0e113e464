package dev.paas.fakestripe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code /v1/checkout/sessions}: create ({@code POST}, form-encoded, {@code mode=payment} with {@code price_data} line
 * items) and retrieve ({@code GET /v1/checkout/sessions/{id}}), authenticated with the secret key as a bearer token or
 * as the basic-auth user name, as Stripe accepts both. An {@code Idempotency-Key} repeated with the same form answers
 * the first session again; with another form, a 400 {@code idempotency_error}.
 */
final class CheckoutApi implements HttpHandler {

    private static final String SESSIONS = "/v1/checkout/sessions";

    private final FakeStripe stripe;

    CheckoutApi(FakeStripe stripe) {
        this.stripe = stripe;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String idempotencyKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        Map<String, String> form = Exchanges.form(Exchanges.body(exchange));
        stripe.recordRequest(new RecordedRequest(method, path, idempotencyKey, form));
        OptionalInt failure = stripe.nextStagedFailure();
        if (failure.isPresent()) {
            Exchanges.error(exchange, failure.getAsInt(), "api_error", "staged failure", null);
            return;
        }
        if (!authenticated(exchange)) {
            Exchanges.error(exchange, 401, "invalid_request_error", "Invalid API Key provided.", null);
            return;
        }
        if ("POST".equals(method) && SESSIONS.equals(path)) {
            create(exchange, form, idempotencyKey);
        } else if ("GET".equals(method) && path.startsWith(SESSIONS + "/")) {
            Optional<CheckoutSession> session = stripe.session(path.substring(SESSIONS.length() + 1));
            if (session.isPresent()) {
                Exchanges.json(exchange, 200, session.get().json());
            } else {
                Exchanges.error(exchange, 404, "invalid_request_error", "No such checkout.session", "id");
            }
        } else {
            Exchanges.error(exchange, 404, "invalid_request_error", "Unrecognized request URL (" + method + ": "
                    + path + ").", null);
        }
    }

    private boolean authenticated(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null) {
            return false;
        }
        if (authorization.startsWith("Bearer ")) {
            return stripe.secretKey().equals(authorization.substring("Bearer ".length()));
        }
        if (authorization.startsWith("Basic ")) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring("Basic ".length())),
                        StandardCharsets.UTF_8);
                return stripe.secretKey().equals(decoded.endsWith(":") ? decoded.substring(0, decoded.length() - 1)
                        : decoded);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }

    private void create(HttpExchange exchange, Map<String, String> form, String idempotencyKey) throws IOException {
        if (idempotencyKey != null) {
            Optional<FakeStripe.Idempotent> earlier = stripe.idempotent(idempotencyKey);
            if (earlier.isPresent()) {
                if (!earlier.get().form().equals(form)) {
                    Exchanges.error(exchange, 400, "idempotency_error", "Keys for idempotent requests can only be"
                            + " used with the same parameters they were first used with.", null);
                } else {
                    Exchanges.json(exchange, 200, earlier.get().session().json());
                }
                return;
            }
        }
        String mode = form.get("mode");
        if (mode == null || mode.isBlank()) {
            Exchanges.error(exchange, 400, "invalid_request_error", "Missing required param: mode.", "mode");
            return;
        }
        if (!"payment".equals(mode)) {
            Exchanges.error(exchange, 400, "invalid_request_error", "The fake supports mode=payment only.", "mode");
            return;
        }
        if (blank(form.get("success_url"))) {
            Exchanges.error(exchange, 400, "invalid_request_error", "Missing required param: success_url.",
                    "success_url");
            return;
        }
        String currency = form.get("line_items[0][price_data][currency]");
        String unitAmount = form.get("line_items[0][price_data][unit_amount]");
        String quantity = form.getOrDefault("line_items[0][quantity]", "");
        if (blank(currency) || blank(unitAmount) || blank(form.get("line_items[0][price_data][product_data][name]"))) {
            Exchanges.error(exchange, 400, "invalid_request_error", "line_items[0] needs price_data with currency,"
                    + " unit_amount and product_data[name].", "line_items");
            return;
        }
        long amount;
        long count;
        try {
            amount = Long.parseLong(unitAmount);
            count = Long.parseLong(quantity);
        } catch (NumberFormatException e) {
            Exchanges.error(exchange, 400, "invalid_request_error", "Invalid integer: " + unitAmount + " or "
                    + quantity + ".", "line_items[0][price_data][unit_amount]");
            return;
        }
        if (amount * count < 50) {
            Exchanges.error(exchange, 400, "invalid_request_error", "The Checkout Session's total amount due must"
                    + " add up to at least 50 minor units.", "line_items");
            return;
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("metadata[") && name.endsWith("]")) {
                metadata.put(name.substring("metadata[".length(), name.length() - 1), value);
            }
        });
        CheckoutSession session = stripe.newSession(mode, amount * count, currency, form.get("client_reference_id"),
                metadata, form.get("success_url"), form.get("cancel_url"), form, idempotencyKey);
        Exchanges.json(exchange, 200, session.json());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
