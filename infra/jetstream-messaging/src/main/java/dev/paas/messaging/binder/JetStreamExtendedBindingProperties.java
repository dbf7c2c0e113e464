package dev.paas.messaging.binder;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.cloud.stream.binder.AbstractExtendedBindingProperties;
import org.springframework.cloud.stream.binder.BinderSpecificPropertiesProvider;

/** Binds {@code spring.cloud.stream.jetstream.bindings.*}. */
@ConfigurationProperties("spring.cloud.stream.jetstream")
public class JetStreamExtendedBindingProperties extends AbstractExtendedBindingProperties<JetStreamConsumerProperties,
        JetStreamProducerProperties, JetStreamBindingProperties> {

    private static final String DEFAULTS_PREFIX = "spring.cloud.stream.jetstream.default";

    @Override
    public String getDefaultsPrefix() {
        return DEFAULTS_PREFIX;
    }

    @Override
    public Class<? extends BinderSpecificPropertiesProvider> getExtendedPropertiesEntryClass() {
        return JetStreamBindingProperties.class;
    }
}
