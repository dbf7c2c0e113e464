package dev.paas.build.builds;

import dev.paas.build.BuildProperties;
import dev.paas.build.image.DockerImages;
import dev.paas.build.limits.LimitsProperties;
import dev.paas.build.source.SourceCheckouts;
import dev.paas.build.stack.BuildContexts;
import dev.paas.build.suggestions.EnvSuggestions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The build pipeline and its worker. {@code paas.build.worker.enabled=false} leaves the worker out (API-only). */
@Configuration(proxyBeanMethods = false)
class BuildsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BuildWorkspace buildWorkspace(BuildProperties properties) {
        return new BuildWorkspace(properties.workDirectory());
    }

    @Bean
    CancelRequests cancelRequests() {
        return new CancelRequests();
    }

    @Bean
    BuildRunner buildRunner(SourceCheckouts checkouts, BuildContexts contexts, DockerImages images,
            RunningBuilds running, BuildLogs logs, BuildWorkspace workspace, BuildProperties properties,
            MeterRegistry meters, EnvSuggestions suggestions, CancelRequests cancels) {
        return new BuildRunner(checkouts, contexts, images, running, logs, workspace, meters, suggestions, cancels);
    }

    @Bean
    @ConditionalOnProperty(name = "paas.build.worker.enabled", havingValue = "true", matchIfMissing = true)
    BuildWorker buildWorker(BuildQueue queue, BuildRunner runner, DockerImages images, BuildProperties properties,
            BuildWorkspace workspace, CancelRequests cancels, LimitsProperties limits) {
        return new BuildWorker(queue, runner, images, properties, workspace, cancels, limits.cancelCheck());
    }

    @Bean
    ProjectPurge projectPurge(ProjectTombstones tombstones, Builds builds, BuildWorkspace workspace,
            DockerImages images, TransactionTemplate transactions, Clock clock, BuildProperties properties) {
        return new ProjectPurge(tombstones, builds, workspace, images, transactions, clock, properties.pollInterval());
    }
}
