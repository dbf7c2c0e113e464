package dev.paas.messaging.binder;

import org.springframework.cloud.stream.binder.BinderSpecificPropertiesProvider;

/** The JetStream-specific part of one binding's configuration. */
public class JetStreamBindingProperties implements BinderSpecificPropertiesProvider {

    private JetStreamConsumerProperties consumer = new JetStreamConsumerProperties();
    private JetStreamProducerProperties producer = new JetStreamProducerProperties();

    @Override
    public JetStreamConsumerProperties getConsumer() {
        return consumer;
    }

    public void setConsumer(JetStreamConsumerProperties consumer) {
        this.consumer = consumer;
    }

    @Override
    public JetStreamProducerProperties getProducer() {
        return producer;
    }

    public void setProducer(JetStreamProducerProperties producer) {
        this.producer = producer;
    }
}
