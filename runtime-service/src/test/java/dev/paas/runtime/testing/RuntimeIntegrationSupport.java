package dev.paas.runtime.testing;

import dev.paas.messaging.testing.EventBus;
import dev.paas.runtime.RuntimeServiceApplication;
import dev.paas.tokens.testing.TestTokens;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service against real infrastructure: PostgreSQL ({@value TestDatabase#NAME}), a JetStream server and a
 * Caddy of the test's own, a key set of its own ({@link TestTokens}), and the Docker engine. Subclasses share one application context. With its own JetStream
 * server the test neither sees a running platform's events nor sends it any.
 */
@SpringBootTest(classes = RuntimeServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "paas.runtime.health-timeout=5s",
            "paas.runtime.poll-interval=1s",
            "paas.runtime.lease=5s",
            "paas.runtime.lease-renewal=1s",
            "paas.docker.stop-grace=2s",
            "paas.messaging.outbox.poll-interval=200ms"
        })
public abstract class RuntimeIntegrationSupport {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        EventBus bus = EventBus.shared();
        String databaseUrl = TestDatabase.prepare();
        TestCaddy caddy = TestCaddy.shared();
        TestImages.ensureBuilt(TestDocker.client());
        removeLeftoverTestContainers();
        TestTokens.registerWith(registry);
        registry.add("spring.datasource.url", () -> databaseUrl);
        registry.add("spring.cloud.stream.jetstream.binder.url", bus::url);
        registry.add("paas.caddy.admin-url", caddy::adminUrl);
        registry.add("paas.ingress.port", caddy::httpPort);
    }

    protected static TestCaddy caddy() {
        return TestCaddy.shared();
    }

    private static void removeLeftoverTestContainers() {
        TestDocker.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("paas.managed", "true")).exec().stream()
                .filter(container -> container.getImage().startsWith("paas-test/"))
                .forEach(container -> TestDocker.client().removeContainerCmd(container.getId()).withForce(true).exec());
    }
}
