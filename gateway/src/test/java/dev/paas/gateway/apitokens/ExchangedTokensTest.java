package dev.paas.gateway.apitokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ExchangedTokensTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void remembersAnExchangeUntilItExpires() {
        ExchangedTokens tokens = new ExchangedTokens(10, clock);
        tokens.remember("hash", "jwt", clock.instant().plusSeconds(30));

        clock.advance(Duration.ofSeconds(29));
        assertThat(tokens.find("hash")).hasValue("jwt");
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.find("hash")).isEmpty();
    }

    @Test
    void neverRemembersWhatIsAlreadyExpired() {
        ExchangedTokens tokens = new ExchangedTokens(10, clock);
        tokens.remember("hash", "jwt", clock.instant());

        assertThat(tokens.find("hash")).isEmpty();
    }

    @Test
    void staysWithinItsSize() {
        ExchangedTokens tokens = new ExchangedTokens(2, clock);
        tokens.remember("a", "1", clock.instant().plusSeconds(30));
        tokens.remember("b", "2", clock.instant().plusSeconds(30));
        tokens.remember("c", "3", clock.instant().plusSeconds(30));

        assertThat(tokens.find("c")).hasValue("3");
        assertThat(tokens.find("a").isPresent() && tokens.find("b").isPresent()).isFalse();
    }

    @Test
    void keysApiTokensByTheirSha256() {
        assertThat(ApiTokenExchangeFilter.sha256("paas_pat_x")).hasSize(64).doesNotContain("paas_pat_x");
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
