package dev.paas.build.messaging;

import static dev.paas.contracts.golden.GoldenEvents.DEPLOYMENT;
import static dev.paas.contracts.golden.GoldenEvents.IMAGE;
import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.build.builds.BuildEvents;
import dev.paas.contracts.IntegrationEvent;
import dev.paas.contracts.build.BuildFailed;
import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.build.ImageBuilt;
import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.outbox.Outbox;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The build aggregate's events become the published contracts exactly as the platform's golden envelopes
 * ({@link GoldenEvents}) say.
 */
class BuildEventsPublisherTest {

    private final EventCodec codec = new EventCodec();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<IntegrationEvent> appended = new ArrayList<>();
    private final BuildEventsPublisher publisher = new BuildEventsPublisher(new Outbox(null, null, null) {
        @Override
        public EventEnvelope append(IntegrationEvent event) {
            appended.add(event);
            return null;
        }
    });

    @Test
    void publishesBuildStartedWhenAWorkerTakesTheBuild() {
        publisher.on(new BuildEvents.Started(DEPLOYMENT, PROJECT, OWNER));

        assertPublishedAsGolden(BuildStarted.class);
    }

    @Test
    void publishesImageBuiltWhenBuildSucceeds() {
        publisher.on(new BuildEvents.Succeeded(DEPLOYMENT, PROJECT, "shop", IMAGE, "node",
                "9fceb02d0ae598e95dc970b74767f19372d61af8", "add checkout", 3000, OWNER));

        assertPublishedAsGolden(ImageBuilt.class);
    }

    @Test
    void publishesBuildFailedWithTheReason() {
        publisher.on(new BuildEvents.Failed(DEPLOYMENT, PROJECT,
                "branch 'release' not found in https://github.com/acme/shop.git", null, null, null, OWNER));

        assertPublishedAsGolden(BuildFailed.class);
    }

    private void assertPublishedAsGolden(Class<? extends IntegrationEvent> type) {
        assertThat(appended).containsExactly(GoldenEvents.sample(type));
        EventEnvelope golden = codec.fromBytes(GoldenEvents.envelope(type));
        assertThat(json.readTree(codec.toJson(appended.getFirst()))).isEqualTo(golden.payload());
    }
}
