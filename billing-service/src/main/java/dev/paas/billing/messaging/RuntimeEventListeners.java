package dev.paas.billing.messaging;

import dev.paas.billing.usage.UsageRecorder;
import dev.paas.contracts.runtime.ContainerStarted;
import dev.paas.contracts.runtime.ContainerStopped;
import dev.paas.contracts.runtime.CrashLoopDetected;
import dev.paas.messaging.inbox.EventSubscriptions;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Container starts and stops open and close billable intervals; a crash loop closes its deployment's interval (the
 * project is stopped and not charged, even if its {@code ContainerStopped} comes late or not at all).
 */
@Configuration(proxyBeanMethods = false)
class RuntimeEventListeners {

    @Bean
    Consumer<Message<byte[]>> runtimeEvents(EventSubscriptions subscriptions, UsageRecorder usage) {
        return subscriptions.consumer("billing-service")
                .on(ContainerStarted.class, (event, envelope) -> usage.started(event.deploymentId(),
                        event.projectId(), event.ownerId(), event.containerId(), event.memoryBytes(), event.nanoCpus(),
                        envelope.occurredAt()))
                .on(ContainerStopped.class, (event, envelope) -> usage.stopped(event.deploymentId(),
                        envelope.occurredAt()))
                .on(CrashLoopDetected.class, (event, envelope) -> usage.stopped(event.deploymentId(),
                        envelope.occurredAt()))
                .build();
    }
}
