package dev.paas.identity.secrets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link SecretBox} of the service, keyed from configuration; the service refuses to start without it. */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    @Bean
    SecretBox secretBox(@Value("${paas.identity.secrets-key:}") String key) {
        return SecretBox.ofBase64(key);
    }
}
