package dev.paas.runtime.testing;

import static org.awaitility.Awaitility.await;

import dev.paas.runtime.RuntimeServiceApplication;
import dev.paas.testing.ServiceComponentTest;
import dev.paas.tokens.testing.TestTokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service against real infrastructure ({@link ServiceComponentTest}): an empty PostgreSQL database of the
 * run's own, so no release of an earlier run is reconciled; the test JVM's JetStream server; a Caddy of the test's
 * own, a key set of its own ({@link TestTokens}), and the Docker engine. Subclasses share one application context.
 */
@ServiceComponentTest(database = "paas_runtime_test", freshDatabase = true, classes = RuntimeServiceApplication.class,
        properties = {
            "paas.runtime.health-timeout=5s",
            "paas.runtime.poll-interval=1s",
            "paas.runtime.lease=5s",
            "paas.runtime.lease-renewal=1s",
            "paas.docker.stop-grace=2s",
            "paas.messaging.outbox.poll-interval=200ms",
            "paas.runtime.env.keys[0].id=" + RuntimeIntegrationSupport.ENV_KEY_ID,
            "paas.runtime.env.keys[0].key=" + RuntimeIntegrationSupport.ENV_KEY,
            "paas.runtime.env.keys[1].id=" + RuntimeIntegrationSupport.PREVIOUS_ENV_KEY_ID,
            "paas.runtime.env.keys[1].key=" + RuntimeIntegrationSupport.PREVIOUS_ENV_KEY,
            "paas.runtime.database-link-key=" + RuntimeIntegrationSupport.DATABASE_LINK_KEY
        })
public abstract class RuntimeIntegrationSupport {

    /** The fixed test key environment variables are sealed under. */
    public static final String ENV_KEY_ID = "test-current";
    public static final String ENV_KEY = "bHEhPVPDRyfMWZuHCWfJBnTcQahElUfPkzA60dPO3Ts=";

    /** A key of the ring from before a rotation: values sealed under it open, and are sealed again. */
    public static final String PREVIOUS_ENV_KEY_ID = "test-previous";
    public static final String PREVIOUS_ENV_KEY = "H0iYu1qlbukslHW0w9qMe2IyuvdvzaK2sU/Drt6KrUQ=";

    /** The key database-service seals linked databases' variables under, as runtime-service knows it. */
    public static final String DATABASE_LINK_KEY = "q0H3C7WkXz5mVb2pT9eRfYhJ1nL4sUoA8dGiKcMwZxE=";

    @DynamicPropertySource
    static void runtimeInfrastructure(DynamicPropertyRegistry registry) throws Exception {
        TestCaddy caddy = TestCaddy.shared();
        TestImages.ensureBuilt(TestDocker.client());
        removeLeftoverTestContainers();
        TestTokens.registerWith(registry);
        registry.add("paas.caddy.admin-url", caddy::adminUrl);
        registry.add("paas.ingress.port", caddy::httpPort);
        TestDnsmasq dns = TestDnsmasq.shared();
        registry.add("paas.ingress.upstreams.dns", dns::address);
        registry.add("paas.ingress.upstreams.directory", () -> dns.directory().toString());
    }

    @Autowired
    private JdbcTemplate supportJdbc;

    /**
     * Deletes the project's app the way a deleted project does, and waits until the supervisor has removed its
     * containers, route and records: a test that only removed the containers would have the supervisor start them
     * again, as it should for containers that disappear.
     */
    protected void forgetApp(UUID projectId) {
        supportJdbc.update("update apps set desired = 'DELETED' where project_id = ?", projectId);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> supportJdbc
                .queryForObject("select count(*) from apps where project_id = ?", Integer.class, projectId) == 0);
        TestDocker.removeProjectContainers(projectId.toString());
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
