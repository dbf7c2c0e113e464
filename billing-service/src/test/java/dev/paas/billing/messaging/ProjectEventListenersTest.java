package dev.paas.billing.messaging;

import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import dev.paas.billing.plans.AccountPlanService;
import dev.paas.billing.usage.UsageRecorder;
import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.project.ProjectCreated;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.ListenerDeliveries;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;

/**
 * The golden {@code ProjectDeleted}, as project-service publishes it, closes the project's open intervals; the golden
 * {@code ProjectCreated} introduces its owner's account.
 */
class ProjectEventListenersTest {

    private final UsageRecorder usage = mock(UsageRecorder.class);
    private final AccountPlanService accountPlans = mock(AccountPlanService.class);
    private final Consumer<Message<byte[]>> listener = new ProjectEventListeners()
            .projectEvents(ListenerDeliveries.subscriptions(), usage, accountPlans);

    @Test
    void closesTheOpenIntervalsOfADeletedProjectWhenItWasDeleted() {
        EventEnvelope envelope = ListenerDeliveries.deliver(listener, GoldenEvents.envelope(ProjectDeleted.class));

        verify(usage).projectDeleted(PROJECT, envelope.occurredAt());
        verifyNoMoreInteractions(accountPlans);
    }

    @Test
    void putsTheOwnerOfACreatedProjectOnThePlansWhenItWasCreated() {
        EventEnvelope envelope = ListenerDeliveries.deliver(listener, GoldenEvents.envelope(ProjectCreated.class));

        verify(accountPlans).accountSeen(OWNER, envelope.occurredAt());
        verifyNoMoreInteractions(usage);
    }
}
