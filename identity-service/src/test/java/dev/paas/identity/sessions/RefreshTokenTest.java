package dev.paas.identity.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {

    private final Instant now = Instant.parse("2026-01-01T10:00:00Z");

    private RefreshToken fresh() {
        return RefreshToken.issue(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "hash", "password", now,
                now.plus(Duration.ofDays(30)));
    }

    @Test
    void canBeUsedOnce() {
        RefreshToken token = fresh();
        token.use(now.plusSeconds(5));
        assertThat(token.usedAt()).isEqualTo(now.plusSeconds(5));
    }

    @Test
    void reportsReuseWhenUsedASecondTime() {
        RefreshToken token = fresh();
        token.use(now.plusSeconds(5));
        assertThatThrownBy(() -> token.use(now.plusSeconds(6)))
                .isInstanceOf(RefreshTokenReusedException.class).hasMessageContaining("used");
        assertThat(token.usedAt()).isEqualTo(now.plusSeconds(5));
    }

    @Test
    void reportsReuseOfARevokedToken() {
        RefreshToken revoked = new RefreshToken(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "hash",
                "password", now, now.plus(Duration.ofDays(30)), null, now.plusSeconds(1));
        assertThatThrownBy(() -> revoked.use(now.plusSeconds(2)))
                .isInstanceOf(RefreshTokenReusedException.class).hasMessageContaining("revoked");
    }

    @Test
    void refusesAnExpiredTokenWithoutCallingItReuse() {
        RefreshToken token = fresh();
        assertThatThrownBy(() -> token.use(now.plus(Duration.ofDays(30))))
                .isInstanceOf(InvalidRefreshTokenException.class).hasMessageContaining("expired");
        assertThat(token.usedAt()).isNull();
    }
}
