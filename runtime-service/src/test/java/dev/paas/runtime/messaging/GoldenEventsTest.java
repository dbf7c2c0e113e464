package dev.paas.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.contracts.build.ImageBuilt;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import dev.paas.runtime.release.Release;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events runtime-service consumes and produces, against golden JSON in {@code src/test/resources/golden}:
 * the wire format other services rely on must not drift.
 */
class GoldenEventsTest {

    private static final UUID DEPLOYMENT = UUID.fromString("0192f0a1-b2c3-7d4e-8f00-000000000002");
    private static final UUID PROJECT = UUID.fromString("0192f0a0-0000-7000-8000-000000000001");
    private static final UUID OWNER = UUID.fromString("0192f0c4-7a10-7000-8000-000000000003");
    private static final UUID SUCCESSOR = UUID.fromString("0192f0a2-0000-7000-8000-000000000003");
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final EventCodec codec = new EventCodec();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsTheGoldenImageBuiltIgnoringFieldsItDoesNotKnow() throws IOException {
        EventEnvelope envelope = codec.fromBytes(golden("build.image-built.v1.json"));

        ImageBuilt image = codec.read(envelope, ImageBuilt.class);

        assertThat(image).isEqualTo(new ImageBuilt(DEPLOYMENT, PROJECT, "shop",
                "paas-app/shop:" + DEPLOYMENT, "node", "9fceb02d0ae598e95dc970b74767f19372d61af8",
                "Add checkout page", 3000, OWNER));
    }

    @Test
    void writesTheEventsOfAReleaseLifeAsTheGoldenFilesSay() throws IOException {
        Release release = Release.pending(DEPLOYMENT, PROJECT, OWNER, "shop", "paas-app/shop:" + DEPLOYMENT, 3000, NOW);

        assertMatchesGolden(release.started("3f1c2b9a8d7e", "paas-app-shop-0192f0a1", 49153, 536_870_912L,
                500_000_000L, NOW), "runtime.container-started.v1.json");
        assertMatchesGolden(release.promoted("http://shop.paas.localhost:8000", NOW),
                "runtime.container-healthy.v1.json");
        release.supersededBy(SUCCESSOR, NOW);
        assertMatchesGolden(release.replaced(NOW), "runtime.container-stopped.v1.json");
    }

    @Test
    void writesDeploymentFailedAsTheGoldenFileSays() throws IOException {
        Release release = Release.pending(DEPLOYMENT, PROJECT, OWNER, "shop", "paas-app/shop:" + DEPLOYMENT, 3000, NOW);

        assertMatchesGolden(release.failed("container exited with code 1: Error: Cannot find module 'express'",
                NOW), "runtime.deployment-failed.v1.json");
    }

    private void assertMatchesGolden(Object event, String file) throws IOException {
        assertThat(json.readTree(codec.toJson(event))).isEqualTo(json.readTree(golden(file)));
    }

    private static byte[] golden(String file) throws IOException {
        try (InputStream in = GoldenEventsTest.class.getResourceAsStream("/golden/" + file)) {
            return in.readAllBytes();
        }
    }
}
