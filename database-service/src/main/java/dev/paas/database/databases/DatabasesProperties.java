package dev.paas.database.databases;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the managed databases ({@code paas.databases.*}).
 *
 * @param secretsKey base64 256-bit key sealing the credentials at rest ({@code PAAS_DATABASE_SECRETS_KEY})
 * @param linkKey base64 256-bit key sealing the variables sent to linked projects ({@code PAAS_DATABASE_LINK_KEY})
 * @param plan the resources of every database container (memory, CPUs), and the limits of an owner whose plan
 *     billing has not announced yet (AccountLimitsChanged)
 * @param provisioning the provisioning worker
 * @param supervision the supervisor
 */
@ConfigurationProperties("paas.databases")
public record DatabasesProperties(String secretsKey, String linkKey, @DefaultValue Plan plan,
        @DefaultValue Provisioning provisioning, @DefaultValue Supervision supervision) {

    /**
     * @param name the plan's name, as quota messages show it, until billing announces the owner's plan
     * @param memory the memory limit of a database container (whatever the owner's plan)
     * @param cpus its CPU limit (whatever the owner's plan)
     * @param diskQuota the quota of its data on disk, until billing announces the owner's {@code databaseDiskMb}
     * @param maxPerType how many databases of one type an owner may have, until billing announces the owner's
     *     {@code maxDatabasesPerType}
     */
    public record Plan(@DefaultValue("free") String name, @DefaultValue("256MB") DataSize memory,
            @DefaultValue("0.5") double cpus, @DefaultValue("1GB") DataSize diskQuota,
            @DefaultValue("1") int maxPerType) {

        long nanoCpus() {
            return Math.round(cpus * 1_000_000_000d);
        }
    }

    /**
     * @param interval how often the worker looks for databases to provision
     * @param readyTimeout how long a new database may take to accept its credentials
     * @param lease how long a claim on a database holds without being renewed
     */
    public record Provisioning(@DefaultValue("1s") Duration interval, @DefaultValue("60s") Duration readyTimeout,
            @DefaultValue("20s") Duration lease) {
    }

    /**
     * @param interval how often the supervisor passes over the running databases
     * @param probeInterval how often a running database's engine is asked whether it accepts its credentials
     * @param probeFailures consecutive failed probes that restart it
     * @param usageInterval how often the disk usage is measured
     * @param backoffInitial the wait before the first restart; it doubles for every further restart in the window
     * @param backoffMax the longest wait before a restart
     * @param crashLoopRestarts restarts within {@code crashLoopWindow} that make a crash loop
     * @param crashLoopWindow the window in which restarts are counted
     * @param lease how long the supervisor's claim on one database holds
     * @param stopGrace how long an engine may take to stop before it is killed
     */
    public record Supervision(@DefaultValue("2s") Duration interval, @DefaultValue("30s") Duration probeInterval,
            @DefaultValue("3") int probeFailures, @DefaultValue("60s") Duration usageInterval,
            @DefaultValue("1s") Duration backoffInitial, @DefaultValue("60s") Duration backoffMax,
            @DefaultValue("5") int crashLoopRestarts, @DefaultValue("5m") Duration crashLoopWindow,
            @DefaultValue("10s") Duration lease, @DefaultValue("10s") Duration stopGrace) {

        /** The wait before the {@code n}-th restart in the window (1-based): 1 s, 2 s, 4 s, … up to the maximum. */
        Duration backoff(int n) {
            long millis = backoffInitial.toMillis();
            for (int i = 1; i < n && millis < backoffMax.toMillis(); i++) {
                millis *= 2;
            }
            return Duration.ofMillis(Math.min(millis, backoffMax.toMillis()));
        }
    }
}
