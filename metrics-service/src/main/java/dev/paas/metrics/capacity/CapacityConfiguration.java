package dev.paas.metrics.capacity;

import dev.paas.metrics.containers.ContainerUsage;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires host sampling, the threshold and the admitting state from {@code paas.metrics.capacity}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CapacityProperties.class)
class CapacityConfiguration {

    @Bean
    CapacityThreshold capacityThreshold(JdbcTemplate jdbc, CapacityProperties properties) {
        return new CapacityThreshold(jdbc, properties.thresholdPercent(), Clock.systemUTC());
    }

    @Bean
    HostCapacity hostCapacity(JdbcTemplate jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
            CapacityProperties properties) {
        return new HostCapacity(jdbc, transactions, events, properties.confirmSamples());
    }

    @Bean
    HostSampler hostSampler(CapacityThreshold threshold, HostCapacity capacity, ApplicationEventPublisher events,
            CapacityProperties properties) {
        HostProbe probe = new HostProbe(new ProcFiles(properties.procPath()), properties.disk(), properties.host(),
                Clock.systemUTC());
        return new HostSampler(probe, new CpuAverage(properties.cpuWindow()), threshold, capacity, events,
                properties.interval(), properties.admission(), properties.sampling());
    }

    @Bean
    CapacityOverview capacityOverview(HostSampler sampler, HostCapacity capacity, CapacityThreshold threshold,
            QueuedDeployments queued, ObjectProvider<ContainerUsage> containers) {
        return new CapacityOverview(sampler, capacity, threshold, queued, containers);
    }
}
