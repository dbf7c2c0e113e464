package dev.paas.gateway;

import dev.paas.messaging.testing.EventBus;
import dev.paas.messaging.testing.TestDatabases;
import java.io.IOException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What every gateway test context needs since the gateway keeps its own database (webhook deliveries, GitHub
 * projects, outbox) and talks to JetStream.
 *
 * <p><b>Every gateway {@code *IT} calls {@link #infrastructure} from its {@code @DynamicPropertySource} method</b>,
 * with a database name of its own ({@code paas_gateway_test_<what>}), so no test touches {@code paas_gateway} or
 * the machine's NATS server, and parallel helpers never share a database. Add the call to every new gateway IT.
 */
public final class GatewayTestSupport {

    /** The webhook key ({@code paas.webhooks.key}) every gateway test context runs with. */
    public static final String WEBHOOK_KEY = "gateway-test-webhook-key-0123456789";

    private GatewayTestSupport() {
    }

    /**
     * Registers database {@code database} (created when missing), the JVM's shared test JetStream server and the
     * webhook key.
     */
    public static void infrastructure(DynamicPropertyRegistry registry, String database) {
        EventBus bus = bus();
        registry.add("spring.datasource.url", () -> TestDatabases.url(database));
        registry.add("spring.cloud.stream.jetstream.binder.url", bus::url);
        // Cached test contexts stay alive side by side on the shared server: with one durable consumer they would
        // split project events between their databases, so each context consumes under a group of its own.
        registry.add("spring.cloud.stream.bindings.projectEvents-in-0.group", () -> "gateway-projects-" + database);
        registry.add("paas.webhooks.key", () -> WEBHOOK_KEY);
    }

    /** The JetStream server (and a client of it) shared by the gateway test contexts of this JVM. */
    public static EventBus bus() {
        try {
            return EventBus.shared();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test JetStream server: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the test JetStream server", e);
        }
    }
}
