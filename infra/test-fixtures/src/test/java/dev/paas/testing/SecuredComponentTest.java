package dev.paas.testing;

import dev.paas.tokens.testing.TestTokens;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of a service's component tests that call its API as the gateway does: with access tokens {@link TestTokens}
 * signs, verified against the test JVM's key set, which this base points the service at. The subclass names its
 * database with {@link ServiceComponentTest}; subclasses with the same settings share one application context.
 */
public abstract class SecuredComponentTest {

    protected final TestTokens tokens = TestTokens.shared();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void keySet(DynamicPropertyRegistry registry) {
        TestTokens.registerWith(registry);
    }

    /** A GET as {@code user} ({@code null}: without a token). */
    protected HttpResponse<String> get(String path, UUID user) {
        return ServiceCalls.on(port).get(path, user == null ? null : tokens.user(user));
    }

    /** A GET with {@code token} as bearer token ({@code null}: none). */
    protected HttpResponse<String> get(String path, String token) {
        return ServiceCalls.on(port).get(path, token);
    }
}
