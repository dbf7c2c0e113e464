package dev.paas.metrics.analytics;

import dev.paas.testing.SecuredComponentTest;
import dev.paas.testing.ServiceComponentTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The analytics tests' one application context: its tail follows {@link #ACCESS_LOG} (a file of this JVM), flushes
 * often and forgets hosts after a second, so tests see their requests quickly.
 */
@ServiceComponentTest(database = "paas_metrics_test", properties = {
        "paas.metrics.analytics.poll-interval=100ms", "paas.metrics.analytics.flush-interval=300ms",
        "paas.metrics.analytics.host-cache-ttl=1s", "paas.metrics.analytics.visitor-key=test-visitor-key"})
public abstract class AnalyticsComponentTest extends SecuredComponentTest {

    /** The access log the context's tail follows; Caddy started by a test writes it. */
    protected static final Path ACCESS_LOG = accessLog();

    @DynamicPropertySource
    static void accessLog(DynamicPropertyRegistry registry) {
        registry.add("paas.metrics.analytics.access-log", ACCESS_LOG::toString);
    }

    private static Path accessLog() {
        try {
            return Files.createTempDirectory("paas-analytics-it").resolve("caddy-access.log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
