package dev.paas.messaging;

import dev.paas.messaging.inbox.EventSubscriptions;
import dev.paas.messaging.outbox.Outbox;
import dev.paas.messaging.outbox.OutboxBacklog;
import dev.paas.messaging.outbox.OutboxRelay;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox, its relay and the idempotent inbox for every service that depends on this module. */
@AutoConfiguration
public class MessagingAutoConfiguration {

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, StreamBridge streamBridge,
            @Value("${paas.messaging.outbox.poll-interval:500ms}") Duration interval) {
        return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), streamBridge, interval);
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc, EventCodec eventCodec, OutboxRelay outboxRelay) {
        return new Outbox(jdbc, eventCodec, outboxRelay);
    }

    @Bean
    OutboxBacklog outboxBacklog(JdbcTemplate jdbc, ObjectProvider<MeterRegistry> registry,
            @Value("${paas.messaging.metrics.poll-interval:15s}") Duration interval) {
        return new OutboxBacklog(jdbc, registry.getIfAvailable(() -> Metrics.globalRegistry), interval);
    }

    @Bean
    EventSubscriptions eventSubscriptions(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            EventCodec eventCodec) {
        return new EventSubscriptions(jdbc, new TransactionTemplate(transactionManager), eventCodec);
    }
}
