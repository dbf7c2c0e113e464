package dev.paas.billing.messaging;

import static dev.paas.contracts.golden.GoldenEvents.DATABASE;
import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.paas.billing.plans.AccountPlanService;
import dev.paas.billing.usage.DatabaseUsageRecorder;
import dev.paas.contracts.database.DatabaseDeleted;
import dev.paas.contracts.database.DatabaseProvisioned;
import dev.paas.contracts.database.DatabaseStateChanged;
import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.ListenerDeliveries;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;

/** The golden database events, as database-service publishes them, open and close databases' metered intervals. */
class DatabaseEventListenersTest {

    private final DatabaseUsageRecorder usage = mock(DatabaseUsageRecorder.class);
    private final AccountPlanService accountPlans = mock(AccountPlanService.class);
    private final Consumer<Message<byte[]>> listener = new DatabaseEventListeners()
            .databaseEvents(ListenerDeliveries.subscriptions(), usage, accountPlans);

    @Test
    void startsMeteringAProvisionedDatabase() {
        EventEnvelope envelope = ListenerDeliveries.deliver(listener,
                GoldenEvents.envelope(DatabaseProvisioned.class));

        verify(usage).running(DATABASE, OWNER, "shop-db", "postgresql", envelope.occurredAt());
    }

    @Test
    void putsTheOwnerOfAProvisionedDatabaseOnTheDefaultPlanWhenBillingHasNotSeenTheAccount() {
        EventEnvelope envelope = ListenerDeliveries.deliver(listener,
                GoldenEvents.envelope(DatabaseProvisioned.class));

        verify(accountPlans).accountSeen(OWNER, envelope.occurredAt());
    }

    @Test
    void stopsMeteringADatabaseThatStopsRunning() {
        EventEnvelope envelope = ListenerDeliveries.deliver(listener,
                GoldenEvents.envelope(DatabaseStateChanged.class));

        verify(usage).notRunning(DATABASE, envelope.occurredAt());
    }

    @Test
    void stopsMeteringADeletedDatabase() {
        EventEnvelope envelope = ListenerDeliveries.deliver(listener, GoldenEvents.envelope(DatabaseDeleted.class));

        verify(usage).notRunning(DATABASE, envelope.occurredAt());
    }
}
