package dev.paas.metrics.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How many notifications a channel gets per window, and when a failed one is tried again. */
class RateLimitAndBackoffTest {

    @Test
    void admitsTheFirstTenOfAWindowAndNoMore() {
        RateLimit limit = new RateLimit(10, Duration.ofHours(1));

        long admitted = IntStream.range(0, 1000).filter(alreadyCounted -> limit.admits(Math.min(alreadyCounted, 10)))
                .count();

        assertThat(admitted).isEqualTo(10);
        assertThat(limit.admits(9)).isTrue();
        assertThat(limit.admits(10)).isFalse();
    }

    @Test
    void refusesALimitBelowOne() {
        assertThatThrownBy(() -> new RateLimit(0, Duration.ofHours(1))).hasMessageContaining("rate-limit");
    }

    @Test
    void backsOffAfterEachFailureAndGivesUpAfterTheLastDelay() {
        Backoff backoff = new Backoff(List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5)));

        assertThat(backoff.after(1)).contains(Duration.ofSeconds(10));
        assertThat(backoff.after(2)).contains(Duration.ofMinutes(1));
        assertThat(backoff.after(3)).contains(Duration.ofMinutes(5));
        assertThat(backoff.after(4)).isEmpty();
        assertThat(backoff.maxAttempts()).isEqualTo(4);
    }

    @Test
    void signsTheBodyWithTheChannelSecret() {
        // Known answer of HMAC-SHA256 ("key", "The quick brown fox jumps over the lazy dog").
        assertThat(WebhookSigner.signature("key", "The quick brown fox jumps over the lazy dog".getBytes()))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }
}
