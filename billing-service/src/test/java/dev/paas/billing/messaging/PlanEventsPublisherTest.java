package dev.paas.billing.messaging;

import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.PLAN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.billing.plans.PlanEvents;
import dev.paas.billing.plans.PlanLimits;
import dev.paas.contracts.billing.AccountLimitsChanged;
import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.messaging.testing.RecordingOutbox;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An account's new limits become the golden {@code AccountLimitsChanged}. */
class PlanEventsPublisherTest {

    private final RecordingOutbox outbox = new RecordingOutbox();
    private final PlanEventsPublisher publisher = new PlanEventsPublisher(outbox);

    @Test
    void publishesAccountLimitsChangedAsTheGoldenFileHoldsIt() {
        publisher.on(new PlanEvents.LimitsChanged(OWNER, PLAN, "free",
                new PlanLimits(500, 512, 1024, 1, 3, Map.of("postgresql", 1), 1024, List.of())));

        assertThat(outbox.appended()).containsExactly(GoldenEvents.sample(AccountLimitsChanged.class));
    }
}
