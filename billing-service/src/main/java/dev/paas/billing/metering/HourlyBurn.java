package dev.paas.billing.metering;

import dev.paas.billing.plans.AccountPlans;
import dev.paas.billing.usage.ContainerUsage;
import dev.paas.billing.usage.DatabaseUsageRecorder;
import dev.paas.billing.usage.UsageRecorder;
import dev.paas.billing.wallets.Amounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What an account's running resources cost per hour right now: its running containers and databases (one instance
 * each) times its plan's hourly rate at {@code at}. Exact; no division.
 */
@Service
public class HourlyBurn {

    private final UsageRecorder containers;
    private final DatabaseUsageRecorder databases;
    private final AccountPlans plans;

    HourlyBurn(UsageRecorder containers, DatabaseUsageRecorder databases, AccountPlans plans) {
        this.containers = containers;
        this.databases = databases;
        this.plans = plans;
    }

    /** The account's hourly burn at {@code at}, scale 4 (zero with nothing running). */
    public BigDecimal of(UUID userId, Instant at) {
        long instances = containers.runningOf(userId).stream().map(ContainerUsage::deploymentId).distinct().count()
                + databases.runningOf(userId).size();
        if (instances == 0) {
            return Amounts.ZERO;
        }
        return Amounts.times(plans.termsAt(userId, at).hourlyRate(), instances);
    }
}
