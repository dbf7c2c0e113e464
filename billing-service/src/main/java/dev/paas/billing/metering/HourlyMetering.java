package dev.paas.billing.metering;

import dev.paas.billing.plans.AccountPlans;
import dev.paas.billing.plans.PlanTerms;
import dev.paas.billing.usage.DatabaseUsageRecorder;
import dev.paas.billing.usage.UsageRecorder;
import dev.paas.billing.wallets.Amounts;
import dev.paas.billing.wallets.EntryKind;
import dev.paas.billing.wallets.Wallets;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hourly run: for each completed hour, each resource that ran in it is charged instances × its owner's plan
 * hourly rate at the hour's start, once, with the reference {@code charge:<kind>:<resourceId>:<hour>}. Every replica
 * runs it; {@link MeteringRuns} hands each hour to one of them and takes it back from one that died mid-run, and the
 * references make a rerun book only what is missing. An hour at a rate of zero (a free plan) is recorded but books
 * no entry (the ledger holds no zero amounts).
 */
@Component
public class HourlyMetering {

    private static final Logger log = LoggerFactory.getLogger(HourlyMetering.class);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SPAN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private final MeteringRuns runs;
    private final HourlyResources resources;
    private final MeteredHours meteredHours;
    private final UsageRecorder containers;
    private final DatabaseUsageRecorder databases;
    private final AccountPlans plans;
    private final Wallets wallets;
    private final TransactionTemplate transactions;
    private final MeteringProperties properties;
    private final Clock clock;
    private final String replica = "billing-" + UUID.randomUUID();

    HourlyMetering(MeteringRuns runs, HourlyResources resources, MeteredHours meteredHours, UsageRecorder containers,
            DatabaseUsageRecorder databases, AccountPlans plans, Wallets wallets, TransactionTemplate transactions,
            MeteringProperties properties, ObjectProvider<Clock> clock) {
        this.runs = runs;
        this.resources = resources;
        this.meteredHours = meteredHours;
        this.containers = containers;
        this.databases = databases;
        this.plans = plans;
        this.wallets = wallets;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Scheduled(initialDelayString = "${paas.billing.metering.initial-delay:60s}",
            fixedDelayString = "${paas.billing.metering.interval:60s}")
    void scheduledRun() {
        if (properties.enabled()) {
            try {
                run();
            } catch (RuntimeException e) {
                log.warn("Hourly metering failed, tried again in {}: {}", properties.interval(), e.toString());
            }
        }
    }

    /** Meters every completed hour not metered yet, as of the clock's now. */
    public Result run() {
        return run(Integer.MAX_VALUE);
    }

    /**
     * Meters completed hours, booking at most {@code chargeBudget} new charges: a run that spends its budget stops
     * where it is and leaves its claim as a crashed replica would (tests use it to stop a run in the middle).
     */
    Result run(int chargeBudget) {
        Instant now = clock.instant();
        Instant lastComplete = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        firstHour(lastComplete).ifPresent(first -> runs.plan(first, lastComplete));
        int hours = 0;
        int charged = 0;
        int budget = chargeBudget;
        Optional<Instant> hour;
        while ((hour = runs.claim(replica, clock.instant(), properties.lease())).isPresent()) {
            HourResult result = meter(hour.get(), budget);
            charged += result.charged();
            budget -= result.charged();
            if (!result.complete()) {
                return new Result(hours, charged, false);
            }
            hours++;
        }
        return new Result(hours, charged, true);
    }

    /**
     * The first hour ever metered: the hour of the oldest usage, but no more than the backfill before the last
     * completed hour; afterwards every hour follows the last planned one.
     */
    private Optional<Instant> firstHour(Instant lastComplete) {
        if (runs.anyPlanned()) {
            return Optional.of(lastComplete);
        }
        Instant earliestAllowed = lastComplete.minus(properties.maxBackfill());
        return Stream.of(containers.earliestStart(), databases.earliestStart()).flatMap(Optional::stream)
                .min(Instant::compareTo)
                .map(earliest -> earliest.truncatedTo(ChronoUnit.HOURS))
                .map(earliest -> earliest.isBefore(earliestAllowed) ? earliestAllowed : earliest)
                .filter(earliest -> !earliest.isAfter(lastComplete));
    }

    private HourResult meter(Instant hour, int budget) {
        Instant started = clock.instant();
        long startedNanos = System.nanoTime();
        List<MeteredResource> running = resources.of(hour);
        Map<UUID, PlanTerms> terms = new HashMap<>();
        int charged = 0;
        for (int from = 0; from < running.size(); from += properties.batchSize()) {
            List<MeteredResource> batch = running.subList(from, Math.min(running.size(), from + properties.batchSize()));
            int remaining = budget - charged;
            Integer booked = transactions.execute(status -> chargeBatch(hour, batch, terms, remaining));
            charged += booked;
            if (charged >= budget && budget != Integer.MAX_VALUE) {
                log.info("Metering of {} stopped after {} charges, as asked", HOUR.format(hour), charged);
                return new HourResult(charged, false);
            }
            if (!runs.renew(hour, replica, clock.instant(), properties.lease())) {
                log.warn("Lost the claim on {} while metering it; the replica holding it finishes it",
                        HOUR.format(hour));
                return new HourResult(charged, true);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        runs.complete(hour, replica, running.size(), took, clock.instant());
        log.info("Metered {}: {} resources, {} charges booked, in {} ms (claimed at {})", HOUR.format(hour),
                running.size(), charged, took.toMillis(), started);
        return new HourResult(charged, true);
    }

    private int chargeBatch(Instant hour, List<MeteredResource> batch, Map<UUID, PlanTerms> terms, int budget) {
        int booked = 0;
        for (MeteredResource resource : batch) {
            if (booked >= budget) {
                break;
            }
            PlanTerms plan = terms.computeIfAbsent(resource.ownerId(), owner -> plans.termsAt(owner, hour));
            BigDecimal rate = Amounts.exact(plan.hourlyRate());
            BigDecimal amount = Amounts.times(rate, resource.instances());
            if (!meteredHours.record(resource, hour, rate, amount, plan.name())) {
                continue;
            }
            if (amount.signum() != 0) {
                wallets.append(resource.ownerId(), EntryKind.CHARGE, amount.negate(), description(resource, hour,
                        rate), reference(resource, hour), null);
                booked++;
            }
        }
        return booked;
    }

    static String reference(MeteredResource resource, Instant hour) {
        return "charge:" + resource.kind() + ":" + resource.resourceId() + ":" + HOUR.format(hour);
    }

    private static String description(MeteredResource resource, Instant hour, BigDecimal rate) {
        String what = resource.name() != null ? resource.kind() + " " + resource.name()
                : resource.kind() + " " + resource.resourceId();
        return what + ": " + resource.instances() + (resource.instances() == 1 ? " instance" : " instances")
                + " x " + rate.toPlainString() + ", " + SPAN.format(hour) + "-"
                + SPAN.format(hour.plus(Duration.ofHours(1))).substring(11) + " UTC";
    }

    /**
     * What a run did.
     *
     * @param hours hours it completed
     * @param charged charges it booked
     * @param finished whether it ran until no completed hour was left
     */
    public record Result(int hours, int charged, boolean finished) {
    }

    private record HourResult(int charged, boolean complete) {
    }
}
