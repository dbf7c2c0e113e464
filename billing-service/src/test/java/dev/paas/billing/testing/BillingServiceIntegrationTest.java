package dev.paas.billing.testing;

import dev.paas.messaging.testing.EventBus;
import dev.paas.tokens.testing.TestTokens;
import dev.paas.testing.ServiceCalls;
import dev.paas.testing.ServiceComponentTest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * billing-service as a component ({@link ServiceComponentTest}: PostgreSQL {@code paas_billing_test} and the test
 * JVM's JetStream server) with the test key set of {@link TestTokens}. Subclasses share one application context.
 */
@ServiceComponentTest(database = "paas_billing_test")
public abstract class BillingServiceIntegrationTest {

    protected static EventBus bus;
    protected static TestTokens tokens;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void keySet(DynamicPropertyRegistry registry) throws Exception {
        bus = EventBus.shared();
        tokens = TestTokens.registerWith(registry);
    }

    protected HttpResponse<String> get(String path, UUID user) {
        return ServiceCalls.on(port).get(path, user == null ? null : tokens.user(user));
    }

    /** A GET with {@code token} as bearer token ({@code null}: none). */
    protected HttpResponse<String> get(String path, String token, boolean withToken) {
        return ServiceCalls.on(port).get(path, withToken ? token : null);
    }
}
