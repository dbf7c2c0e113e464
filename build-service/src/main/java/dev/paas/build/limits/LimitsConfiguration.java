package dev.paas.build.limits;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The per-build cgroups holding each build's process limit. */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    @Bean
    BuildCgroups buildCgroups(LimitsProperties limits) {
        return new BuildCgroups(limits);
    }
}
