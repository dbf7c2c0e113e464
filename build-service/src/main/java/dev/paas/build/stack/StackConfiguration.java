package dev.paas.build.stack;

import dev.paas.build.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The stacks ({@code paas.build.stacks}), detection, templates and build context preparation. */
@Configuration(proxyBeanMethods = false)
class StackConfiguration {

    @Bean
    RuntimeCatalog runtimeCatalog(BuildProperties properties) {
        return RuntimeCatalog.from(properties.stacks());
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
