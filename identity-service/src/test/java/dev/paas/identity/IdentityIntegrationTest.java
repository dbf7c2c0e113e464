package dev.paas.identity;

import dev.paas.testing.ServiceComponentTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * identity-service as a component ({@link ServiceComponentTest}): an empty PostgreSQL database of the context's own
 * (tests register fixed e-mails, which a database kept from an earlier run would refuse), the test JVM's JetStream
 * server and a fixed secrets key. Subclasses share one application context, so every test class registers e-mails
 * of its own; a class that needs the platform to itself (who becomes admin, how many admins there are) gets a
 * context of its own by adding settings, and says why.
 */
@ServiceComponentTest(database = "paas_identity_test", freshDatabase = true, properties = {
    "paas.identity.secrets-key=" + IdentityIntegrationTest.SECRETS_KEY,
    "paas.identity.admin-emails=" + IdentityIntegrationTest.ADMIN_EMAILS,
    // Several test contexts (and other modules' tests) share one PostgreSQL: keep each pool small.
    "spring.datasource.hikari.maximum-pool-size=4",
    "spring.datasource.hikari.minimum-idle=1"
})
public abstract class IdentityIntegrationTest {

    /** Bytes 0..31, base64: a fixed key so that a test run's sealed values are reproducible. */
    public static final String SECRETS_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    /**
     * The admins of the shared context: in a database that several test classes fill, "the first account" is
     * whoever came first, so the tests that act as admins register one of these.
     */
    public static final String ADMIN_EMAILS = "keymaster@example.com, tokens-admin@example.com";

    @LocalServerPort
    protected int port;

    protected Api api() {
        return Api.on(port);
    }
}
