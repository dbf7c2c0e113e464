package dev.paas.metrics.messaging;

import dev.paas.contracts.build.BuildFailed;
import dev.paas.contracts.database.BackupCompleted;
import dev.paas.contracts.database.BackupFailed;
import dev.paas.contracts.runtime.AppStateChanged;
import dev.paas.contracts.runtime.ContainerHealthy;
import dev.paas.contracts.runtime.CrashLoopDetected;
import dev.paas.contracts.runtime.DeploymentFailed;
import dev.paas.messaging.inbox.EventSubscriptions;
import dev.paas.metrics.alerts.IncidentAlerts;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Opens and resolves the alerts that facts of other services cause: crash loops, failed builds and deployments,
 * failed backups. Its own durable consumers and processed-event records, apart from the other listeners'.
 */
@Configuration(proxyBeanMethods = false)
class AlertFactListeners {

    private static final String CONSUMER = "metrics-service-alerts";

    @Bean
    Consumer<Message<byte[]>> alertRuntimeEvents(EventSubscriptions subscriptions, IncidentAlerts alerts) {
        return subscriptions.consumer(CONSUMER)
                .on(CrashLoopDetected.class, (event, envelope) -> alerts.crashLoopDetected(event.projectId(),
                        event.ownerId(), event.restarts(), event.windowSeconds(), event.lastLogLines(),
                        envelope.occurredAt()))
                .on(DeploymentFailed.class, (event, envelope) -> alerts.deploymentFailed(event.projectId(),
                        event.deploymentId(), null, "going live", event.reason(), envelope.occurredAt()))
                .on(ContainerHealthy.class, (event, envelope) -> alerts.projectHealthy(event.projectId(),
                        envelope.occurredAt()))
                .on(AppStateChanged.class, (event, envelope) -> {
                    if ("RUNNING".equals(event.state())) {
                        alerts.projectRunning(event.projectId(), envelope.occurredAt());
                    }
                })
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> alertBuildEvents(EventSubscriptions subscriptions, IncidentAlerts alerts) {
        return subscriptions.consumer(CONSUMER)
                .on(BuildFailed.class, (event, envelope) -> alerts.deploymentFailed(event.projectId(),
                        event.deploymentId(), event.ownerId(), "the build", event.reason(), envelope.occurredAt()))
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> alertDatabaseEvents(EventSubscriptions subscriptions, IncidentAlerts alerts) {
        return subscriptions.consumer(CONSUMER)
                .on(BackupFailed.class, (event, envelope) -> alerts.backupFailed(event.databaseId(), event.ownerId(),
                        event.trigger(), event.reason(), envelope.occurredAt()))
                .on(BackupCompleted.class, (event, envelope) -> alerts.backupCompleted(event.databaseId(),
                        envelope.occurredAt()))
                .build();
    }
}
