package dev.paas.messaging.binder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JetStreamNamingTest {

    @Test
    void mapsDestinationsToStreamNamesAndSubjects() {
        assertThat(JetStreamStreams.streamName("paas.build")).isEqualTo("PAAS_BUILD");
        assertThat(JetStreamStreams.subjectsOf("paas.build")).isEqualTo("paas.build.>");
        assertThat(JetStreamStreams.DEAD_LETTER_PREFIX + "paas.build.image-built.v1")
                .doesNotStartWith("paas.build.");
    }

    @Test
    void backsOffExponentiallyUpToTheMaximum() {
        JetStreamConsumerProperties properties = new JetStreamConsumerProperties();
        properties.setBackoffInitial(Duration.ofSeconds(1));
        properties.setBackoffMax(Duration.ofSeconds(5));

        assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.backoffAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(properties.backoffAfter(4)).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.backoffAfter(400)).isEqualTo(Duration.ofSeconds(5));
    }
}
