package dev.paas.runtime.messaging;

import static dev.paas.contracts.golden.GoldenEvents.CONTAINER;
import static dev.paas.contracts.golden.GoldenEvents.DEPLOYMENT;
import static dev.paas.contracts.golden.GoldenEvents.IMAGE;
import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static dev.paas.contracts.golden.GoldenEvents.SUCCESSOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.contracts.IntegrationEvent;
import dev.paas.contracts.build.ImageBuilt;
import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.runtime.ContainerHealthy;
import dev.paas.contracts.runtime.ContainerStarted;
import dev.paas.contracts.runtime.ContainerStopped;
import dev.paas.contracts.runtime.DeploymentFailed;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.runtime.release.Release;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events runtime-service consumes and produces, against the platform's one set of golden envelopes
 * ({@link GoldenEvents}): the wire format other services rely on must not drift.
 */
class GoldenEventsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final EventCodec codec = new EventCodec();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsTheGoldenImageBuilt() {
        EventEnvelope envelope = codec.fromBytes(GoldenEvents.envelope(ImageBuilt.class));

        assertThat(codec.read(envelope, ImageBuilt.class)).isEqualTo(GoldenEvents.sample(ImageBuilt.class));
    }

    @Test
    void writesTheEventsOfAReleaseLifeAsTheGoldenFilesSay() {
        Release release = Release.pending(DEPLOYMENT, PROJECT, OWNER, "shop", IMAGE, 3000, NOW);

        assertMatchesGolden(release.started(CONTAINER, "paas-app-shop-0192f0c4", 49153, 536_870_912L,
                500_000_000L, NOW), ContainerStarted.class);
        assertMatchesGolden(release.promoted("http://shop.paas.localhost", NOW), ContainerHealthy.class);
        release.supersededBy(SUCCESSOR, NOW);
        assertMatchesGolden(release.replaced(NOW), ContainerStopped.class);
    }

    @Test
    void writesDeploymentFailedAsTheGoldenFileSays() {
        Release release = Release.pending(DEPLOYMENT, PROJECT, OWNER, "shop", IMAGE, 3000, NOW);

        assertMatchesGolden(release.failed("app did not answer HTTP on port 3000 within 60 s", NOW),
                DeploymentFailed.class);
    }

    private void assertMatchesGolden(IntegrationEvent event, Class<? extends IntegrationEvent> type) {
        EventEnvelope golden = codec.fromBytes(GoldenEvents.envelope(type));
        assertThat(json.readTree(codec.toJson(event))).isEqualTo(golden.payload());
    }
}
