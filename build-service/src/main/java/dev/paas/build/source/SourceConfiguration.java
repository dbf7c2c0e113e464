package dev.paas.build.source;

import dev.paas.build.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Repository URL policy and JGit checkouts, from {@code paas.build}. With an extra CA bundle, JGit's HTTPS
 * connections trust it besides the JDK's trust store.
 */
@Configuration(proxyBeanMethods = false)
class SourceConfiguration {

    @Bean
    RepositoryUrlPolicy repositoryUrlPolicy(BuildProperties properties) {
        return new RepositoryUrlPolicy(properties.allowLocalRepositories());
    }

    @Bean
    SourceCheckouts sourceCheckouts(RepositoryUrlPolicy policy, BuildProperties properties) {
        return properties.extraCaBundle()
                .map(bundle -> new SourceCheckouts(policy, properties.cloneTimeout(),
                        ExtraCaTrust.transports(ExtraCaTrust.jdkAnd(bundle))))
                .orElseGet(() -> new SourceCheckouts(policy, properties.cloneTimeout()));
    }
}
