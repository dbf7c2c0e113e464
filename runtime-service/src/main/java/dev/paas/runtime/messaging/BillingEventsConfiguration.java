package dev.paas.runtime.messaging;

import dev.paas.contracts.billing.AccountReinstated;
import dev.paas.contracts.billing.AccountSuspended;
import dev.paas.messaging.inbox.EventSubscriptions;
import dev.paas.runtime.rollout.AppLifecycle;
import java.util.function.Consumer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Listens to billing ({@code paas.billing}, binding {@code billingEvents-in-0}): a suspended account's apps are
 * suspended (containers stopped, images and data kept, their URLs answer the 402 "paused" page), and on its
 * reinstatement they get back what their owner had asked for.
 */
@Configuration(proxyBeanMethods = false)
class BillingEventsConfiguration {

    private static final Log log = LogFactory.getLog(BillingEventsConfiguration.class);

    @Bean
    Consumer<Message<byte[]>> billingEvents(EventSubscriptions subscriptions, AppLifecycle apps) {
        return subscriptions.consumer(BuildEventsConfiguration.CONSUMER)
                .on(AccountSuspended.class, event -> log.info("account " + event.userId() + " suspended ("
                        + event.reason() + "): suspending apps " + apps.suspendAccount(event.userId(),
                                "its account's balance is due")))
                .on(AccountReinstated.class, event -> log.info("account " + event.userId()
                        + " reinstated: giving back apps " + apps.reinstateAccount(event.userId())))
                .build();
    }
}
