package dev.paas.billing.messaging;

import dev.paas.billing.plans.AccountPlanService;
import dev.paas.billing.usage.UsageRecorder;
import dev.paas.contracts.project.ProjectCreated;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.messaging.inbox.EventSubscriptions;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code projectEvents-in-0} binding ({@code paas.project}, group {@code billing-service-projects}): a deleted
 * project's open usage intervals end when it was deleted; the owner of a created project is an account billing may
 * not have seen yet, which gets the default plan. Billing keeps no other copy of projects.
 */
@Configuration(proxyBeanMethods = false)
class ProjectEventListeners {

    @Bean
    Consumer<Message<byte[]>> projectEvents(EventSubscriptions subscriptions, UsageRecorder usage,
            AccountPlanService accountPlans) {
        return subscriptions.consumer("billing-service-projects")
                .on(ProjectCreated.class, (event, envelope) -> {
                    // events from before projects carried an owner name no account
                    if (event.ownerId() != null) {
                        accountPlans.accountSeen(event.ownerId(), envelope.occurredAt());
                    }
                })
                .on(ProjectDeleted.class, (event, envelope) -> usage.projectDeleted(event.projectId(),
                        envelope.occurredAt()))
                .build();
    }
}
