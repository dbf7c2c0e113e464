package dev.paas.runtime.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CaddyCallFailuresTest {

    private final CaddyCallFailures failures = new CaddyCallFailures(URI.create("http://127.0.0.1:2019"));

    @Test
    void handsCaddysAnswersBackUnchanged() {
        RuntimeException refusal = CaddyFailures.refusal();
        RuntimeException unavailability = CaddyFailures.unavailability();

        assertThat(failures.translate("route app-shop", refusal)).isSameAs(refusal);
        assertThat(failures.translate("route app-shop", unavailability)).isSameAs(unavailability);
    }

    @Test
    void makesAFailedConnectionUnavailable() {
        assertThat(failures.translate("read route app-shop", new ConnectException("Connection refused")))
                .isInstanceOf(CaddyUnavailable.class)
                .hasMessage("Caddy admin API at http://127.0.0.1:2019 could not be reached (read route app-shop): "
                        + "java.net.ConnectException: Connection refused");
    }

    @Test
    void makesATimeOutAndAnOpenBreakerUnavailable() {
        CircuitBreaker open = CircuitBreaker.ofDefaults("caddy");
        open.transitionToOpenState();

        assertThat(failures.timedOut("route app-shop", Duration.ofSeconds(5))).isInstanceOf(CaddyUnavailable.class)
                .hasMessage("Caddy admin API did not answer (route app-shop) within 5000 ms");
        assertThat(failures.rejected("route app-shop", CallNotPermittedException.createCallNotPermittedException(open)))
                .isInstanceOf(CaddyUnavailable.class).hasMessageContaining("recent calls failed");
    }
}
