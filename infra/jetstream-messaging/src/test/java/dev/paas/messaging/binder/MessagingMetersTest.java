package dev.paas.messaging.binder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagingMetersTest {

    @Test
    void namesTheEventTypeOfAPlatformSubjectWithoutItsVersion() {
        assertThat(MessagingMeters.eventType("paas.project.project-created.v1")).isEqualTo("project.project-created");
        assertThat(MessagingMeters.eventType("paas.metrics.host-capacity-changed.v12"))
                .isEqualTo("metrics.host-capacity-changed");
    }

    @Test
    void keepsASubjectOutsideThePlatformsAsItIs() {
        assertThat(MessagingMeters.eventType("orders.created")).isEqualTo("orders.created");
    }
}
