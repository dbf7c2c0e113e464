package dev.paas.gateway;

import dev.paas.messaging.testing.EventBus;
import dev.paas.testing.ComponentTestDefaults;
import dev.paas.tokens.testing.TestTokens;
import dev.paas.testing.ServiceComponentTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Base of every gateway {@code *IT}: the gateway against its test database ({@code paas_gateway_test}) and the JVM's
 * JetStream server ({@link ServiceComponentTest}), the machine's Redis (each context counts under a key prefix of its
 * own, see {@code config/application.yaml}), the test key set ({@link TestTokens}) and {@link FakeServices} in place
 * of every service behind it. A test that needs other settings adds them in its own {@code @DynamicPropertySource}
 * (another Redis, a service that is down); they win over these.
 */
@ServiceComponentTest(database = "paas_gateway_test", defaults = GatewayIntegrationTest.Downstream.class,
        properties = "paas.webhooks.key=" + GatewayIntegrationTest.WEBHOOK_KEY)
public abstract class GatewayIntegrationTest {

    /** The webhook key ({@code paas.webhooks.key}) every gateway test context runs with. */
    public static final String WEBHOOK_KEY = "gateway-test-webhook-key-0123456789";

    /** One set of fake services for the JVM: the URLs are part of every cached context's settings. */
    static final FakeServices SERVICES = FakeServices.shared();
    static final TestTokens TOKENS = TestTokens.shared();

    @LocalServerPort
    protected int port;

    GatewayCalls gateway;

    @BeforeEach
    void connectAndForgetEarlierRequests() {
        gateway = new GatewayCalls(port);
        SERVICES.forgetRequests();
    }

    /** The JetStream server (and a client of it) the gateway test contexts of this JVM are bound to. */
    protected static EventBus bus() {
        return EventBus.shared();
    }

    /** The services behind the gateway and the key set its token verification trusts. */
    static final class Downstream implements ComponentTestDefaults {

        @Override
        public void register(DynamicPropertyRegistry registry) {
            TestTokens.registerWith(registry);
            SERVICES.register(registry);
        }
    }
}
