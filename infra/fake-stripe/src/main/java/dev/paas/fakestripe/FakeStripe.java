package dev.paas.fakestripe;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small stand-in for Stripe, for tests: the Checkout Sessions API ({@code POST/GET /v1/checkout/sessions}) and
 * webhook deliveries signed like Stripe's ({@code Stripe-Signature: t=...,v1=...}). It listens on 127.0.0.1;
 * {@link #apiUrl()} is what a client configures in place of {@code https://api.stripe.com}.
 *
 * <p>Tests act as the paying customer and as Stripe through the Java API: {@link #pay} completes a session and
 * delivers {@code checkout.session.completed} to {@link #webhookUrl(String) the configured endpoint};
 * {@link #redeliver} sends a delivery again unchanged; {@link #deliverRaw} sends anything (tampered bodies, wrong
 * signatures, old timestamps). The same is reachable over HTTP: {@code POST /test/checkout/sessions/{id}/pay}, and
 * the hosted page {@code GET /checkout/{id}} with a Pay button.
 */
public final class FakeStripe implements AutoCloseable {

    public static final String DEFAULT_SECRET_KEY = "sk_test_paas_fake";
    public static final String DEFAULT_WEBHOOK_SECRET = "whsec_paas_fake_signing_secret";

    /** A create request kept under its {@code Idempotency-Key}: the form it came with and the session it made. */
    record Idempotent(Map<String, String> form, CheckoutSession session) {
    }

    private final String secretKey;
    private final String webhookSecret;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final WebhookSender sender = new WebhookSender();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, CheckoutSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Idempotent> idempotencyKeys = new ConcurrentHashMap<>();
    private final Deque<Integer> stagedFailures = new ArrayDeque<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile String webhookUrl;

    private FakeStripe(int port, String secretKey, String webhookSecret, Clock clock) throws IOException {
        this.secretKey = secretKey;
        this.webhookSecret = webhookSecret;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(executor);
        server.createContext("/v1/", new CheckoutApi(this));
        server.createContext("/checkout/", new HostedPages(this));
        server.createContext("/test/", new HostedPages(this));
        server.start();
    }

    /** Starts on a free port of 127.0.0.1 with the default secret key and webhook signing secret. */
    public static FakeStripe start() {
        return start(0, DEFAULT_SECRET_KEY, DEFAULT_WEBHOOK_SECRET);
    }

    /** Starts on {@code port} of 127.0.0.1 (0 = any free port). */
    public static FakeStripe start(int port, String secretKey, String webhookSecret) {
        return start(port, secretKey, webhookSecret, Clock.systemUTC());
    }

    /** As {@link #start(int, String, String)}, with the clock that stamps sessions and signatures. */
    public static FakeStripe start(int port, String secretKey, String webhookSecret, Clock clock) {
        try {
            return new FakeStripe(port, secretKey, webhookSecret, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Stripe on port " + port, e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: the API base ({@code /v1/...}) and the hosted pages. */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String secretKey() {
        return secretKey;
    }

    public String webhookSecret() {
        return webhookSecret;
    }

    /** Where {@link #pay} and {@link #expire} deliver events from now on (the endpoint registered at Stripe). */
    public FakeStripe webhookUrl(String url) {
        this.webhookUrl = url;
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- arranging failures -------------------------------------------------------------------------------------

    /** The next {@code count} API calls answer {@code status} (e.g. 500) before anything else is checked. */
    public synchronized void failNextApiCalls(int count, int status) {
        for (int i = 0; i < count; i++) {
            stagedFailures.add(status);
        }
    }

    // ---- looking at what happened -------------------------------------------------------------------------------

    /** Every session created so far. */
    public List<CheckoutSession> sessions() {
        return List.copyOf(sessions.values());
    }

    public Optional<CheckoutSession> session(String id) {
        return Optional.ofNullable(id == null ? null : sessions.get(id));
    }

    /** Every API request received, oldest first. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Every webhook delivery made so far, oldest first. */
    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    // ---- acting as the customer and as Stripe -------------------------------------------------------------------

    /**
     * The customer pays session {@code id}: it becomes complete and paid, and {@code checkout.session.completed} is
     * delivered, signed, to the webhook URL; returns the delivery, made synchronously.
     */
    public Delivery pay(String id) {
        CheckoutSession session = existing(id);
        session.pay("pi_" + randomHex(12));
        return deliver("checkout.session.completed", session);
    }

    /** The session expires unpaid: {@code checkout.session.expired} is delivered. */
    public Delivery expire(String id) {
        CheckoutSession session = existing(id);
        session.expire();
        return deliver("checkout.session.expired", session);
    }

    /** Sends {@code delivery} again, same body and headers (signature and its timestamp included). */
    public Delivery redeliver(Delivery delivery) {
        return record(sender.sendRaw(delivery.url(), delivery.eventId(), delivery.type(), delivery.body(),
                delivery.headers()));
    }

    /** Posts {@code body} with {@code headers} to {@code url}: for tests that tamper with a delivery. */
    public Delivery deliverRaw(String url, String body, Map<String, String> headers) {
        return record(sender.sendRaw(url, "evt_raw", "raw", body, headers));
    }

    /** {@code t=<timestamp>,v1=<hex>}: the {@code Stripe-Signature} value Stripe would send for {@code body}. */
    public static String signature(String secret, long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + WebhookSender.sign(secret, timestamp, body);
    }

    private Delivery deliver(String type, CheckoutSession session) {
        String url = webhookUrl;
        if (url == null) {
            throw new IllegalStateException("no webhook URL configured: call webhookUrl(...) first");
        }
        String eventId = "evt_" + randomHex(12);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", eventId);
        event.put("object", "event");
        event.put("api_version", "2024-06-20");
        event.put("created", clock.instant().getEpochSecond());
        event.put("data", Map.of("object", session.json()));
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.put("type", type);
        String body = Exchanges.JSON.writeValueAsString(event);
        return record(sender.send(url, webhookSecret, eventId, type, body, clock.instant().getEpochSecond()));
    }

    private CheckoutSession existing(String id) {
        return session(id).orElseThrow(() -> new IllegalArgumentException("no checkout session " + id));
    }

    private Delivery record(Delivery delivery) {
        deliveries.add(delivery);
        return delivery;
    }

    // ---- state the endpoints use --------------------------------------------------------------------------------

    synchronized CheckoutSession newSession(String mode, long amountTotal, String currency, String clientReferenceId,
            Map<String, String> metadata, String successUrl, String cancelUrl, Map<String, String> form,
            String idempotencyKey) {
        String id = "cs_test_" + randomHex(16);
        Instant now = clock.instant();
        CheckoutSession session = new CheckoutSession(id, mode, amountTotal, currency, clientReferenceId, metadata,
                successUrl, cancelUrl, apiUrl() + "/checkout/" + id, form, now);
        sessions.put(id, session);
        if (idempotencyKey != null) {
            idempotencyKeys.put(idempotencyKey, new Idempotent(Map.copyOf(form), session));
        }
        return session;
    }

    Optional<Idempotent> idempotent(String key) {
        return Optional.ofNullable(idempotencyKeys.get(key));
    }

    void recordRequest(RecordedRequest request) {
        requests.add(request);
    }

    synchronized OptionalInt nextStagedFailure() {
        Integer status = stagedFailures.poll();
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    private String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
