package dev.paas.runtime.testing;

import dev.paas.runtime.RuntimeServiceApplication;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service against real infrastructure: PostgreSQL ({@value TestDatabase#NAME}), NATS at
 * 127.0.0.1:4222, the Docker engine and a Caddy of the test's own. Subclasses share one application context.
 *
 * <p>The service listens for build events on {@value #BUILD_DESTINATION} rather than {@code paas.build}: the NATS
 * server is shared, and the platform's real {@code ImageBuilt} events must neither reach the test nor be taken
 * from the real runtime-service's consumer group. What the service publishes goes to {@code paas.runtime} as usual.
 */
@SpringBootTest(classes = RuntimeServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "paas.runtime.health-timeout=5s",
            "paas.runtime.poll-interval=1s",
            "paas.runtime.lease=5s",
            "paas.runtime.lease-renewal=1s",
            "paas.docker.stop-grace=2s",
            "paas.messaging.outbox.poll-interval=200ms",
            "spring.cloud.stream.bindings.buildEvents-in-0.destination=" + RuntimeIntegrationSupport.BUILD_DESTINATION,
            "spring.cloud.stream.bindings.buildEvents-in-0.group=runtime-service-it"
        })
public abstract class RuntimeIntegrationSupport {

    /** Where the test publishes {@code ImageBuilt}: subject {@code runtimeit.build.image-built.v1}. */
    public static final String BUILD_DESTINATION = "runtimeit.build";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        String databaseUrl = TestDatabase.prepare();
        TestCaddy caddy = TestCaddy.shared();
        TestImages.ensureBuilt(TestDocker.client());
        removeLeftoverTestContainers();
        registry.add("spring.datasource.url", () -> databaseUrl);
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
