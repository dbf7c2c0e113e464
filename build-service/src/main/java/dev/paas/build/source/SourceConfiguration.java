package dev.paas.build.source;

import dev.paas.build.BuildProperties;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Repository URL policy and JGit checkouts, from {@code paas.build}. With an extra CA bundle, JGit's HTTPS
 * connections trust it besides the JDK's trust store; github.com clones use the owner's token ({@link CloneTokens}).
 */
@Configuration(proxyBeanMethods = false)
class SourceConfiguration {

    @Bean
    RepositoryUrlPolicy repositoryUrlPolicy(BuildProperties properties) {
        return new RepositoryUrlPolicy(properties.allowLocalRepositories());
    }

    @Bean
    SourceCheckouts sourceCheckouts(RepositoryUrlPolicy policy, BuildProperties properties, CloneTokens tokens) {
        TransportConfigCallback transports = properties.extraCaBundle()
                .map(bundle -> ExtraCaTrust.transports(ExtraCaTrust.jdkAnd(bundle)))
                .orElse(transport -> {
                });
        return new SourceCheckouts(policy, properties.cloneTimeout(), transports, tokens);
    }
}
