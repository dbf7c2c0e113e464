package dev.paas.metrics.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.paas.metrics.owners.KnownResources;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HostAttributionTest {

    private final KnownResources resources = mock(KnownResources.class);
    private final AtomicLong clock = new AtomicLong();
    private final HostAttribution hosts = new HostAttribution(resources::projectServedAt, Duration.ofSeconds(30), clock::get);

    @Test
    void asksOncePerHostAndTtlAlsoForUnknownHosts() {
        UUID project = UUID.randomUUID();
        when(resources.projectServedAt("app.paas.localhost")).thenReturn(Optional.of(project));
        when(resources.projectServedAt("nobody.example")).thenReturn(Optional.empty());

        for (int i = 0; i < 1000; i++) {
            assertThat(hosts.projectOf("App.paas.localhost")).hasValue(project);
            assertThat(hosts.projectOf("nobody.example")).isEmpty();
        }
        verify(resources, times(1)).projectServedAt("app.paas.localhost");
        verify(resources, times(1)).projectServedAt("nobody.example");

        clock.addAndGet(Duration.ofSeconds(31).toNanos());
        hosts.projectOf("app.paas.localhost");
        verify(resources, times(2)).projectServedAt("app.paas.localhost");
    }
}
