package dev.paas.billing.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.billing.BillingServiceApplication;
import dev.paas.billing.metering.HourlyMetering;
import dev.paas.billing.usage.UsageRecorder;
import dev.paas.billing.wallets.EntryKind;
import dev.paas.billing.wallets.Wallets;
import dev.paas.contracts.IntegrationEvent;
import dev.paas.contracts.billing.AccountReinstated;
import dev.paas.contracts.billing.AccountSuspended;
import dev.paas.contracts.billing.WalletLow;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.EventBus;
import dev.paas.testing.FreshDatabase;
import dev.paas.testing.ServiceCalls;
import dev.paas.tokens.testing.TestTokens;
import io.nats.client.Dispatcher;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import java.util.Map;
import dev.paas.billing.plans.PlanSpec;
import dev.paas.billing.plans.PlanPrice;
import dev.paas.billing.plans.PlanLimits;
import dev.paas.billing.plans.PlanCatalog;

/**
 * The whole path against PostgreSQL and JetStream, with the ledger and the hourly metering run, and time moved by a
 * test clock instead of waited for: a top-up, an app whose hourly charges make the balance low (WalletLow) and then
 * zero (grace), a restart of the service during the grace period, its end (AccountSuspended), another restart, and a
 * top-up (AccountReinstated); each event exactly once on {@code paas.billing}.
 */
class AccountLifecycleIT {

    private static final EventCodec CODEC = new EventCodec();

    @RegisterExtension
    final FreshDatabase database = FreshDatabase.perTest("paas_billing_test");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final List<EventEnvelope> events = new CopyOnWriteArrayList<>();
    private final UUID user = UUID.randomUUID();
    private EventBus bus;
    private Dispatcher dispatcher;
    private ConfigurableApplicationContext service;

    /**
     * A bus of the test's own: the contexts it closes would otherwise stay consumers of the shared server's durable
     * consumers for a moment and hold back other tests' events.
     */
    @BeforeEach
    void listen() throws Exception {
        bus = EventBus.start();
        dispatcher = bus.client().createDispatcher(message -> {
            EventEnvelope envelope = CODEC.fromBytes(message.getData());
            if (user.toString().equals(envelope.aggregateId())) {
                events.add(envelope);
            }
        });
        dispatcher.subscribe("paas.billing.>");
    }

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        bus.client().closeDispatcher(dispatcher);
        bus.close();
    }

    @Test
    void lowThenGraceThenSuspendedAcrossRestartsThenReinstatedByATopUp() {
        service = start();
        // New accounts start on a plan of 0.50 an hour, created by an administrator.
        service.getBean(PlanCatalog.class).create(new PlanSpec("metered", new PlanLimits(500, 512, 1024, 1, 3,
                Map.of(), 1024, List.of()), PlanPrice.of("365.00", "0.5000")), UUID.randomUUID());
        wallets().append(user, EntryKind.TOP_UP, new BigDecimal("10.00"), "top-up", "topup:" + user + ":1", null);
        service.getBean(UsageRecorder.class).started(UUID.randomUUID(), UUID.randomUUID(), user, "c-" + user, 1L << 28,
                500_000_000L, clock.instant());
        assertThat(standing().low()).isFalse();

        // The first hour's charge: the app burns 0.5 an hour, 24 h of it is 12, above the 9.5 left.
        meterNextHour();
        WalletLow low = awaitOne(WalletLow.class);
        assertThat(low.balance()).isEqualTo("9.5000");
        assertThat(low.threshold()).isEqualTo("12.0000");
        assertThat(low.hourlyBurn()).isEqualTo("0.5000");
        assertThat(low.currency()).isEqualTo("USD");

        for (int hour = 2; hour <= 20; hour++) {
            meterNextHour();
        }
        Instant graceStarted = clock.instant();
        assertThat(wallets().balance(user)).isEqualByComparingTo("0");
        assertThat(standing().graceEndsAt()).isEqualTo(graceStarted.plus(Duration.ofHours(24)));
        assertThat(ownAccount()).contains("\"state\":\"GRACE\"")
                .contains("\"graceEndsAt\":\"" + graceStarted.plus(Duration.ofHours(24)) + "\"");

        // Down for most of the grace period; the first run after the restart charges the hours it missed.
        service.close();
        clock.advance(Duration.ofHours(22));
        service = start();
        meterNextHour();
        assertThat(wallets().balance(user)).isEqualByComparingTo("-11.5");
        assertThat(standing().graceEndsAt()).as("charges during grace do not move its end")
                .isEqualTo(graceStarted.plus(Duration.ofHours(24)));
        assertThat(lifecycle().suspendGraceEnded()).isZero();
        assertThat(standing().suspendedAt()).isNull();

        // The grace period ends: the periodic check (every 200 ms here) suspends the account.
        clock.advance(Duration.ofHours(1));
        AccountSuspended suspended = awaitOne(AccountSuspended.class);
        assertThat(suspended.balance()).isEqualTo("-11.5000");
        assertThat(suspended.reason()).isEqualTo("the balance stayed at -11.5000 USD through the 24 h grace period");
        assertThat(standing().suspendedAt()).isEqualTo(graceStarted.plus(Duration.ofHours(24)));
        String account = ownAccount();
        assertThat(account).contains("\"state\":\"SUSPENDED\"").contains("\"balance\":\"-11.5000\"");

        // Restarted while suspended: nothing is suspended again.
        service.close();
        clock.advance(Duration.ofMinutes(10));
        service = start();
        assertThat(lifecycle().suspendGraceEnded()).isZero();

        String topUp = "topup:" + user + ":2";
        wallets().append(user, EntryKind.TOP_UP, new BigDecimal("20.00"), "top-up", topUp, null);
        wallets().append(user, EntryKind.TOP_UP, new BigDecimal("20.00"), "top-up", topUp, null);
        AccountReinstated reinstated = awaitOne(AccountReinstated.class);
        assertThat(reinstated.balance()).isEqualTo("8.5000");
        assertThat(standing().suspendedAt()).isNull();
        assertThat(standing().graceEndsAt()).isNull();
        // Still below 24 h of the app's burn (12.0000), as it was: low, but no second WalletLow for the same fall.
        assertThat(ownAccount()).contains("\"state\":\"LOW\"").contains("\"balance\":\"8.5000\"");

        // Nothing more: each step exactly once, with the replayed top-up and the restarts.
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(events).extracting(EventEnvelope::type).containsExactly("billing.wallet-low",
                        "billing.account-suspended", "billing.account-reinstated"));
    }

    /** An hour passes and the metering run charges what it missed. */
    private void meterNextHour() {
        clock.advance(Duration.ofHours(1));
        HourlyMetering.Result result = service.getBean(HourlyMetering.class).run();
        assertThat(result.finished()).isTrue();
    }

    private <T extends IntegrationEvent> T awaitOne(Class<T> type) {
        String name = IntegrationEvent.typeOf(type).name();
        return await().atMost(Duration.ofSeconds(20)).until(() -> events.stream()
                .filter(e -> e.type().equals(name)).map(e -> CODEC.read(e, type)).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    /** {@code GET /api/v1/billing/account} as the account's owner. */
    private String ownAccount() {
        String port = service.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = ServiceCalls.on(Integer.parseInt(port)).get("/api/v1/billing/account",
                TestTokens.shared().user(user));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private AccountLifecycle.Standing standing() {
        return lifecycle().standing(user).orElseThrow();
    }

    private AccountLifecycle lifecycle() {
        return service.getBean(AccountLifecycle.class);
    }

    private Wallets wallets() {
        return service.getBean(Wallets.class);
    }

    /** Arguments, as a replica's environment would be; the clock is the test's, metering runs when the test says. */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(BillingServiceApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock))
                .run("--server.port=0",
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.hikari.maximum-pool-size=3",
                        "--spring.cloud.stream.jetstream.binder.url=" + bus.url(),
                        "--paas.security.jwks-url=" + TestTokens.shared().jwksUrl(),
                        "--paas.billing.metering.enabled=false",
                        "--paas.billing.default-plan=metered",
                        "--paas.billing.account-check-interval=200ms",
                        "--spring.main.banner-mode=off");
    }
}
