package dev.paas.messaging.binder;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The binder's own context (registered in {@code META-INF/spring.binders} as {@code jetstream}). The connection
 * reconnects forever, so a NATS restart only pauses publishing and consuming.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({JetStreamBinderProperties.class, JetStreamExtendedBindingProperties.class})
public class JetStreamBinderConfiguration {

    private static final Log log = LogFactory.getLog(JetStreamBinderConfiguration.class);

    @Bean
    ReconnectListeners reconnectListeners() {
        return new ReconnectListeners();
    }

    @Bean(destroyMethod = "close")
    Connection natsConnection(JetStreamBinderProperties properties, ReconnectListeners reconnectListeners)
            throws IOException, InterruptedException {
        Options options = new Options.Builder()
                .server(properties.getUrl())
                .connectionName(properties.getConnectionName())
                .maxReconnects(-1)
                .reconnectWait(properties.getReconnectWait())
                .connectionListener((connection, event) -> {
                    if (event != ConnectionListener.Events.RESUBSCRIBED) {
                        log.info("NATS connection " + event.name().toLowerCase() + ": " + properties.getUrl());
                    }
                    if (event == ConnectionListener.Events.RECONNECTED) {
                        reconnectListeners.reconnected();
                    }
                })
                .build();
        return Nats.connectReconnectOnConnect(options);
    }

    @Bean
    JetStreamProvisioner jetStreamProvisioner(Connection natsConnection, JetStreamBinderProperties properties) {
        return new JetStreamProvisioner(new JetStreamStreams(natsConnection, properties.getDuplicateWindow()));
    }

    /**
     * The binder's context is a child of the service's when the service names no binders explicitly, so the service's
     * registry is found here; without one (a plain test context) the meters go to Micrometer's global registry.
     */
    @Bean
    MessagingMeters messagingMeters(ObjectProvider<MeterRegistry> registry, Connection natsConnection,
            @Value("${paas.messaging.metrics.poll-interval:15s}") Duration pollInterval) {
        return new MessagingMeters(registry.getIfAvailable(() -> Metrics.globalRegistry), natsConnection, pollInterval);
    }

    @Bean
    JetStreamMessageChannelBinder jetStreamBinder(Connection natsConnection, JetStreamProvisioner provisioner,
            JetStreamExtendedBindingProperties bindingProperties, JetStreamBinderProperties properties,
            ReconnectListeners reconnectListeners, MessagingMeters messagingMeters) {
        return new JetStreamMessageChannelBinder(natsConnection, provisioner, bindingProperties,
                properties.getPublishTimeout(), reconnectListeners, messagingMeters);
    }
}
