package dev.paas.build.stack;

import dev.paas.build.BuildProperties;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The runtime catalog ({@code paas.build.runtimes}), the planners in their precedence, templates and contexts. */
@Configuration(proxyBeanMethods = false)
public class StackConfiguration {

    /**
     * The planners in precedence order (the repository's own Dockerfile is checked before all of them). A new stack
     * is one more entry here, before {@link StaticPlanner}, which comes last.
     */
    public static List<StackPlanner> planners() {
        return List.of(
                new NodePlanner(),
                new PythonPlanner(),
                new GoPlanner(),
                new JavaPlanner(),
                new PhpPlanner(),
                new StaticPlanner());
    }

    @Bean
    DockerfileTemplates dockerfileTemplates() {
        DockerfileTemplates templates = new DockerfileTemplates();
        templates.verify(planners().stream().flatMap(planner -> planner.templates().stream()).toList());
        return templates;
    }

    @Bean
    BuildContexts buildContexts(RuntimeImages images, DockerfileTemplates templates, BuildProperties properties) {
        return new BuildContexts(planners(), new RuntimeVersions(images), templates, properties.extraCaBundle());
    }
}
