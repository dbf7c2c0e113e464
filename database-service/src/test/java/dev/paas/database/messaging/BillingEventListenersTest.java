package dev.paas.database.messaging;

import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.PLAN;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.paas.contracts.IntegrationEvent;
import dev.paas.contracts.billing.AccountLimitsChanged;
import dev.paas.contracts.billing.AccountReinstated;
import dev.paas.contracts.billing.AccountSuspended;
import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.database.accounts.AccountLimits;
import dev.paas.database.accounts.Accounts;
import dev.paas.database.databases.Databases;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.ListenerDeliveries;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The golden billing events, as billing-service publishes them, reach the account record with their envelope's time
 * and id; the databases follow only when the event is the newest known of the account.
 */
class BillingEventListenersTest {

    private final Accounts accounts = mock(Accounts.class);
    private final Databases databases = mock(Databases.class);

    @Test
    void keepsTheLimitsOfTheGoldenPlanAndGivesTheDatabasesItsDiskQuota() {
        when(accounts.limitsChanged(eq(OWNER), eq(PLAN), any(), any(), any())).thenReturn(true);

        EventEnvelope envelope = deliver(AccountLimitsChanged.class);

        verify(accounts).limitsChanged(OWNER, PLAN, new AccountLimits("free", Map.of("postgresql", 1), 1024),
                envelope.occurredAt(), envelope.id());
        verify(databases).limitsChanged(OWNER);
    }

    @Test
    void leavesTheDatabasesAloneWhenNewerLimitsAreKnown() {
        deliver(AccountLimitsChanged.class);

        verifyNoInteractions(databases);
    }

    @Test
    void suspendsAndReinstatesTheAccountsDatabasesWhenTheEventIsTheNewest() {
        when(accounts.standingChanged(eq(OWNER), anyBoolean(), any(), any())).thenReturn(true);

        EventEnvelope suspension = deliver(AccountSuspended.class);
        EventEnvelope reinstatement = deliver(AccountReinstated.class);

        verify(accounts).standingChanged(OWNER, true, suspension.occurredAt(), suspension.id());
        verify(databases).suspendAccount(OWNER);
        verify(accounts).standingChanged(OWNER, false, reinstatement.occurredAt(), reinstatement.id());
        verify(databases).reinstateAccount(OWNER);
    }

    @Test
    void ignoresASuspensionOlderThanTheKnownStanding() {
        deliver(AccountSuspended.class);

        verifyNoInteractions(databases);
    }

    private EventEnvelope deliver(Class<? extends IntegrationEvent> type) {
        return ListenerDeliveries.deliver(new BillingEventListeners().billingEvents(ListenerDeliveries.subscriptions(),
                accounts, databases), GoldenEvents.envelope(type));
    }
}
