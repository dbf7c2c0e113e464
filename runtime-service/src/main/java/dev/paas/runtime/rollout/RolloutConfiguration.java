package dev.paas.runtime.rollout;

import dev.paas.runtime.container.AppContainers;
import dev.paas.runtime.container.ContainerSockets;
import dev.paas.runtime.ingress.AppUrls;
import dev.paas.runtime.ingress.CaddyRoutes;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class RolloutConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ReleaseClaims releaseClaims(JdbcClient jdbc, TransactionTemplate transactions, RuntimeProperties properties) {
        return new ReleaseClaims(jdbc, transactions, properties.lease());
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService healthProbeScheduler(RuntimeProperties properties) {
        return Executors.newScheduledThreadPool(Math.max(1, properties.concurrency()),
                Thread.ofPlatform().name("health-probe-", 0).daemon().factory());
    }

    @Bean
    HealthProbe healthProbe(AppContainers containers, ContainerSockets sockets,
            ScheduledExecutorService healthProbeScheduler, RuntimeProperties properties) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1))
                .build();
        return new HealthProbe(containers, sockets, http, healthProbeScheduler, properties.healthPollInterval(),
                properties.logLines());
    }

    @Bean
    Rollout rollout(Releases releases, ReleaseClaims claims, AppContainers containers, HealthProbe probe,
            CaddyRoutes routes, AppUrls urls, TransactionTemplate transactions,
            RuntimeProperties properties, Clock clock, MeterRegistry meters) {
        return new Rollout(releases, claims, containers, probe, routes, urls, transactions, properties,
                clock, meters);
    }

    @Bean
    OrphanSweeper orphanSweeper(AppContainers containers, Releases releases) {
        return new OrphanSweeper(containers, releases);
    }

    @Bean
    RolloutWorker rolloutWorker(ReleaseClaims claims, Rollout rollout, RuntimeProperties properties) {
        return new RolloutWorker(claims, rollout, properties.concurrency(), properties.lease());
    }
}
