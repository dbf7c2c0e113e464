package dev.paas.build.messaging;

import dev.paas.build.admission.HostAdmission;
import dev.paas.contracts.metrics.HostCapacityChanged;
import dev.paas.messaging.inbox.EventSubscriptions;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code capacityEvents-in-0} binding ({@code paas.metrics}, group {@code build-service-capacity}): the host's
 * admitting state decides whether queued builds are claimed. Other metrics events are ignored.
 */
@Configuration(proxyBeanMethods = false)
class CapacityEventsConfiguration {

    @Bean
    Consumer<Message<byte[]>> capacityEvents(EventSubscriptions subscriptions, HostAdmission admission) {
        return subscriptions.consumer("build-service-capacity")
                .on(HostCapacityChanged.class, (event, envelope) -> admission.reported(event.host(),
                        event.admitting(), event.reason(), envelope.occurredAt()))
                .build();
    }
}
