package dev.paas.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void describesDurationsTheWayMessagesShowThem() {
        assertThat(Durations.describe(Duration.ofMinutes(15))).isEqualTo("15 min");
        assertThat(Durations.describe(Duration.ofSeconds(150))).isEqualTo("2 min 30 s");
        assertThat(Durations.describe(Duration.ofSeconds(4))).isEqualTo("4 s");
    }
}
