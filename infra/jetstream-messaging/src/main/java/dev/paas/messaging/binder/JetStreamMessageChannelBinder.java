package dev.paas.messaging.binder;

import io.nats.client.Connection;
import java.time.Duration;
import org.springframework.cloud.stream.binder.AbstractMessageChannelBinder;
import org.springframework.cloud.stream.binder.BinderSpecificPropertiesProvider;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.ExtendedProducerProperties;
import org.springframework.cloud.stream.binder.ExtendedPropertiesBinder;
import org.springframework.cloud.stream.provisioning.ConsumerDestination;
import org.springframework.cloud.stream.provisioning.ProducerDestination;
import org.springframework.integration.core.MessageProducer;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;

/** Spring Cloud Stream binder for NATS JetStream: durable pull consumers per group, acked publishes. */
public class JetStreamMessageChannelBinder extends AbstractMessageChannelBinder<
        ExtendedConsumerProperties<JetStreamConsumerProperties>,
        ExtendedProducerProperties<JetStreamProducerProperties>,
        JetStreamProvisioner>
        implements ExtendedPropertiesBinder<MessageChannel, JetStreamConsumerProperties, JetStreamProducerProperties> {

    private final Connection connection;
    private final JetStreamExtendedBindingProperties bindingProperties;
    private final Duration publishTimeout;
    private final ReconnectListeners reconnectListeners;
    private final MessagingMeters meters;

    JetStreamMessageChannelBinder(Connection connection, JetStreamProvisioner provisioner,
            JetStreamExtendedBindingProperties bindingProperties, Duration publishTimeout,
            ReconnectListeners reconnectListeners, MessagingMeters meters) {
        super(new String[0], provisioner);
        this.connection = connection;
        this.bindingProperties = bindingProperties;
        this.publishTimeout = publishTimeout;
        this.reconnectListeners = reconnectListeners;
        this.meters = meters;
    }

    @Override
    protected MessageHandler createProducerMessageHandler(ProducerDestination destination,
            ExtendedProducerProperties<JetStreamProducerProperties> properties, MessageChannel errorChannel)
            throws Exception {
        JetStreamMessageHandler handler = new JetStreamMessageHandler(connection.jetStream(),
                (JetStreamProvisioner.Destination) destination, publishTimeout);
        handler.setBeanFactory(getBeanFactory());
        return handler;
    }

    @Override
    protected MessageProducer createConsumerEndpoint(ConsumerDestination destination, String group,
            ExtendedConsumerProperties<JetStreamConsumerProperties> properties) {
        JetStreamProvisioner.Destination jetStreamDestination = (JetStreamProvisioner.Destination) destination;
        meters.watch(jetStreamDestination.stream(), jetStreamDestination.durable());
        JetStreamInboundAdapter adapter = new JetStreamInboundAdapter(connection, jetStreamDestination,
                properties.getExtension(), properties.getConcurrency(), reconnectListeners, meters);
        adapter.setBeanFactory(getBeanFactory());
        adapter.setApplicationContext(getApplicationContext());
        return adapter;
    }

    @Override
    public JetStreamConsumerProperties getExtendedConsumerProperties(String channelName) {
        return bindingProperties.getExtendedConsumerProperties(channelName);
    }

    @Override
    public JetStreamProducerProperties getExtendedProducerProperties(String channelName) {
        return bindingProperties.getExtendedProducerProperties(channelName);
    }

    @Override
    public String getDefaultsPrefix() {
        return bindingProperties.getDefaultsPrefix();
    }

    @Override
    public Class<? extends BinderSpecificPropertiesProvider> getExtendedPropertiesEntryClass() {
        return bindingProperties.getExtendedPropertiesEntryClass();
    }
}
