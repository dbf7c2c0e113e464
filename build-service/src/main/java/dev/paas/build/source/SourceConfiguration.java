package dev.paas.build.source;

import dev.paas.build.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Repository URL policy and JGit checkouts, from {@code paas.build}. */
@Configuration(proxyBeanMethods = false)
class SourceConfiguration {

    @Bean
    RepositoryUrlPolicy repositoryUrlPolicy(BuildProperties properties) {
        return new RepositoryUrlPolicy(properties.allowLocalRepositories());
    }

    @Bean
    SourceCheckouts sourceCheckouts(RepositoryUrlPolicy policy, BuildProperties properties) {
        return new SourceCheckouts(policy, properties.cloneTimeout());
    }
}
