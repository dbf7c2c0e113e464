package dev.paas.build.stack;

import dev.paas.build.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The runtime catalog ({@code paas.build.runtimes}), detection, templates and build context preparation. */
@Configuration(proxyBeanMethods = false)
class StackConfiguration {

    @Bean
    RuntimeCatalog runtimeCatalog(BuildProperties properties) {
        return RuntimeCatalog.from(properties.runtimes());
    }

    @Bean
    DockerfileTemplates dockerfileTemplates(RuntimeCatalog catalog) {
        DockerfileTemplates templates = new DockerfileTemplates();
        templates.verify(catalog);
        return templates;
    }

    @Bean
    BuildContexts buildContexts(RuntimeCatalog catalog, DockerfileTemplates templates, BuildProperties properties) {
        return new BuildContexts(new StackDetector(catalog), templates, properties.extraCaBundle());
    }
}
