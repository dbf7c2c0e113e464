package dev.paas.messaging;

import dev.paas.contracts.project.ProjectCreated;
import dev.paas.ids.UuidV7;
import dev.paas.messaging.inbox.EventSubscriptions;
import dev.paas.messaging.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A tiny service for the messaging tests: it registers widgets (state + event) and records the events it hears. */
@SpringBootApplication
class MessagingTestApplication {

    static final String FAILING_SLUG_PREFIX = "fail-";

    /** What a service's actuator would provide; the binder's and the outbox's meters register here. */
    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    Consumer<Message<byte[]>> projectEvents(EventSubscriptions subscriptions, JdbcTemplate jdbc) {
        return subscriptions.consumer("messaging-it")
                .on(ProjectCreated.class, event -> {
                    if (event.slug().startsWith(FAILING_SLUG_PREFIX)) {
                        throw new IllegalStateException("widget store unavailable for " + event.slug());
                    }
                    jdbc.update("insert into heard_widget (project_id, slug) values (?, ?)", event.projectId(), event.slug());
                })
                .build();
    }

    @Service
    static class Widgets {

        private final JdbcTemplate jdbc;
        private final Outbox outbox;

        Widgets(JdbcTemplate jdbc, Outbox outbox) {
            this.jdbc = jdbc;
            this.outbox = outbox;
        }

        @Transactional
        UUID register(String slug) {
            UUID id = UuidV7.next();
            jdbc.update("insert into widget (id, slug) values (?, ?)", id, slug);
            outbox.append(new ProjectCreated(id, slug));
            return id;
        }

        @Transactional
        void registerThenFail(String slug) {
            register(slug);
            throw new IllegalArgumentException("rolled back on purpose");
        }
    }
}
