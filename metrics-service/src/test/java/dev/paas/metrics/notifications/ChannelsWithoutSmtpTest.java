package dev.paas.metrics.notifications;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.paas.problems.Conflict;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Without an SMTP server configured by the administrator, an e-mail channel is refused and nothing is stored. */
class ChannelsWithoutSmtpTest {

    @Test
    void refusesAnEmailChannelWithAClearConflict() {
        ChannelStore store = mock(ChannelStore.class);
        NotificationsProperties properties = new NotificationsProperties(
                new NotificationsProperties.Smtp(null, 25, null, null, "paas@localhost", false), 10,
                Duration.ofHours(1), List.of(Duration.ofSeconds(10)), Duration.ofMinutes(2), Duration.ofSeconds(10),
                true);
        Channels channels = new Channels(store, properties);

        assertThatThrownBy(() -> channels.add(UUID.randomUUID(),
                new NewNotificationChannel("email", "someone@example.com", null)))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("has not configured an SMTP server");
        verifyNoInteractions(store);
    }
}
