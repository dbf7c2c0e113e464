package dev.paas.project.messaging;

import dev.paas.contracts.metrics.HostCapacityChanged;
import dev.paas.messaging.inbox.EventSubscriptions;
import dev.paas.project.capacity.HostCapacity;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code capacityEvents-in-0} binding ({@code paas.metrics}, group {@code project-service-capacity}): the
 * host's admitting state, shown on QUEUED deployments. Other metrics events are ignored.
 */
@Configuration(proxyBeanMethods = false)
class CapacityEventListeners {

    @Bean
    Consumer<Message<byte[]>> capacityEvents(EventSubscriptions subscriptions, HostCapacity capacity) {
        return subscriptions.consumer(ProjectServiceConsumer.NAME)
                .on(HostCapacityChanged.class, (event, envelope) -> capacity.reported(event.host(),
                        event.admitting(), event.reason(), envelope.occurredAt()))
                .build();
    }
}
