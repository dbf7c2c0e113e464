package dev.paas.billing.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.billing.BillingServiceApplication;
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
import dev.paas.tokens.testing.TestTokens;
import io.nats.client.Dispatcher;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole path against PostgreSQL and JetStream, with time moved by a test clock: a top-up, hourly charges until
 * the balance is low (WalletLow) and then zero (grace), a restart of the service during the grace period, its end
 * (AccountSuspended), and a top-up (AccountReinstated); each event exactly once on {@code paas.billing}.
 */
class AccountLifecycleIT {

    private static final EventCodec CODEC = new EventCodec();
    private static final BigDecimal HOURLY = new BigDecimal("0.5000");

    @RegisterExtension
    final FreshDatabase database = FreshDatabase.perTest("paas_billing_test");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:05Z"));
    private final InTestWallets.Entries ledger = new InTestWallets.Entries();
    private final List<EventEnvelope> events = new CopyOnWriteArrayList<>();
    private final UUID user = UUID.randomUUID();
    private final UUID project = UUID.randomUUID();
    private EventBus bus;
    private Dispatcher dispatcher;
    private ConfigurableApplicationContext service;

    @BeforeEach
    void listen() {
        bus = EventBus.shared();
        dispatcher = bus.client().createDispatcher(message -> {
            EventEnvelope envelope = CODEC.fromBytes(message.getData());
            if (user.toString().equals(envelope.aggregateId())) {
                events.add(envelope);
            }
        });
        dispatcher.subscribe("paas.billing.>");
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        bus.client().closeDispatcher(dispatcher);
    }

    @Test
    void lowThenGraceThenSuspendedAcrossARestartThenReinstatedByATopUp() {
        service = start();
        wallets().append(user, EntryKind.TOP_UP, new BigDecimal("10.00"), "top-up", "topup:" + user + ":1", null);
        assertThat(standing().low()).isFalse();

        // The first charge sets the burn to 0.5 an hour: 24 h of it is 12, above the 9.5 left.
        chargeNextHour();
        WalletLow low = awaitOne(WalletLow.class);
        assertThat(low.balance()).isEqualTo("9.5000");
        assertThat(low.threshold()).isEqualTo("12.0000");
        assertThat(low.hourlyBurn()).isEqualTo("0.5000");
        assertThat(low.currency()).isEqualTo("USD");

        for (int hour = 0; hour < 19; hour++) {
            chargeNextHour();
        }
        Instant graceStarted = clock.instant();
        assertThat(wallets().balance(user)).isEqualByComparingTo("0");
        assertThat(standing().graceEndsAt()).isEqualTo(graceStarted.plus(Duration.ofHours(24)));

        // The service goes down for most of the grace period, charging on when it comes back.
        service.close();
        clock.advance(Duration.ofHours(22));
        service = start();
        chargeNextHour();
        assertThat(standing().graceEndsAt()).as("a charge during grace does not move its end")
                .isEqualTo(graceStarted.plus(Duration.ofHours(24)));
        assertThat(lifecycle().suspendGraceEnded()).isZero();
        assertThat(standing().suspendedAt()).isNull();

        clock.advance(Duration.ofHours(1));
        AccountSuspended suspended = awaitOne(AccountSuspended.class);
        assertThat(suspended.balance()).isEqualTo("-0.5000");
        assertThat(suspended.reason()).isEqualTo("the balance stayed at -0.5000 USD through the 24 h grace period");
        assertThat(standing().suspendedAt()).isNotNull();

        // Restarted while suspended: the periodic check does not suspend it again.
        service.close();
        clock.advance(Duration.ofHours(2));
        service = start();
        assertThat(lifecycle().suspendGraceEnded()).isZero();

        String topUp = "topup:" + user + ":2";
        wallets().append(user, EntryKind.TOP_UP, new BigDecimal("5.00"), "top-up", topUp, null);
        wallets().append(user, EntryKind.TOP_UP, new BigDecimal("5.00"), "top-up", topUp, null);
        AccountReinstated reinstated = awaitOne(AccountReinstated.class);
        assertThat(reinstated.balance()).isEqualTo("4.5000");
        assertThat(standing().suspendedAt()).isNull();
        assertThat(standing().graceEndsAt()).isNull();

        // Nothing more: each step exactly once, even with the replayed top-up and the restarts.
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(events).extracting(EventEnvelope::type).containsExactly("billing.wallet-low",
                        "billing.account-suspended", "billing.account-reinstated"));
    }

    /** An hour passes and the metering run charges it. */
    private void chargeNextHour() {
        clock.advance(Duration.ofHours(1));
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        wallets().append(user, EntryKind.CHARGE, HOURLY.negate(), "web: 1 instance x 0.5000",
                "charge:app:" + project + ":" + hour.toString().replace(":00Z", "Z"), null);
    }

    private <T extends IntegrationEvent> T awaitOne(Class<T> type) {
        String name = IntegrationEvent.typeOf(type).name();
        return await().atMost(Duration.ofSeconds(20)).until(() -> events.stream()
                .filter(e -> e.type().equals(name)).map(e -> CODEC.read(e, type)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
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

    /** Arguments, as a replica's environment would be; the clock and the test's ledger are the test's. */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(BillingServiceApplication.class, TestBeans.class)
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("testClock", clock);
                    context.getBeanFactory().registerSingleton("testLedger", ledger);
                })
                .run("--server.port=0",
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.hikari.maximum-pool-size=3",
                        "--spring.cloud.stream.jetstream.binder.url=" + bus.url(),
                        "--paas.security.jwks-url=" + TestTokens.shared().jwksUrl(),
                        "--paas.billing.account-check-interval=200ms",
                        "--spring.main.banner-mode=off");
    }

    /** The test's beans, a source of the started context only (not a component the service's scan would find). */
    static class TestBeans {

        @Bean
        @Primary
        Wallets inTestWallets(InTestWallets.Entries entries, ApplicationEventPublisher events,
                TransactionTemplate transactions, Clock clock) {
            return new InTestWallets(entries, events, transactions, clock);
        }
    }
}
