package dev.paas.messaging.binder;

import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.ExtendedProducerProperties;
import org.springframework.cloud.stream.provisioning.ConsumerDestination;
import org.springframework.cloud.stream.provisioning.ProducerDestination;
import org.springframework.cloud.stream.provisioning.ProvisioningException;
import org.springframework.cloud.stream.provisioning.ProvisioningProvider;
import org.springframework.util.StringUtils;

/**
 * Provisions streams for producer destinations, and streams plus durable consumers for consumer bindings. A
 * binding's group names its durable consumer, shared by every replica of the service.
 */
public class JetStreamProvisioner implements ProvisioningProvider<ExtendedConsumerProperties<JetStreamConsumerProperties>,
        ExtendedProducerProperties<JetStreamProducerProperties>> {

    private final JetStreamStreams streams;

    JetStreamProvisioner(JetStreamStreams streams) {
        this.streams = streams;
    }

    @Override
    public ProducerDestination provisionProducerDestination(String name,
            ExtendedProducerProperties<JetStreamProducerProperties> properties) throws ProvisioningException {
        String stream = streams.ensureStream(name);
        return new Destination(name, stream, null);
    }

    @Override
    public ConsumerDestination provisionConsumerDestination(String name, String group,
            ExtendedConsumerProperties<JetStreamConsumerProperties> properties) throws ProvisioningException {
        JetStreamConsumerProperties jetStream = properties.getExtension();
        String durable = StringUtils.hasText(jetStream.getDurableName()) ? jetStream.getDurableName() : group;
        if (!StringUtils.hasText(durable)) {
            throw new ProvisioningException("binding for " + name + " needs a group: it names the durable consumer");
        }
        if (durable.matches(".*[.*>\\s].*")) {
            throw new ProvisioningException("durable consumer name '" + durable + "' must not contain '.', '*', '>' or spaces");
        }
        String stream = streams.ensureStream(name);
        streams.ensureDeadLetterStream();
        streams.ensureDurable(stream, durable, JetStreamStreams.subjectsOf(name), jetStream);
        return new Destination(name, stream, durable);
    }

    /** A provisioned destination: the subject prefix, its stream and (for consumers) the durable name. */
    record Destination(String name, String stream, String durable) implements ProducerDestination, ConsumerDestination {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getNameForPartition(int partition) {
            return name;
        }
    }
}
