package dev.paas.metrics.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.core.InvocationBuilder;
import dev.paas.docker.DockerCalls;
import dev.paas.docker.DockerFailures;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Samples every running app replica and managed database the platform owns (found by their labels; restore scratch
 * containers are not sampled) through the Docker stats API, one pass every {@code paas.metrics.containers.interval}.
 * The containers of a pass are read concurrently on virtual threads, and the pass waits for them at most
 * {@code stats-timeout}: one stuck container cannot stall the others. After each pass it publishes
 * {@link ContainersSampled}. When Docker cannot be reached the pass is skipped, said once in the log, and the next
 * pass tries again.
 */
@Component
class ContainerSampler implements ContainerUsage, DisposableBean {

    static final String MANAGED = "paas.managed";
    static final String PROJECT = "paas.project";
    static final String DEPLOYMENT = "paas.deployment";
    static final String INSTANCE = "paas.instance";
    static final String OWNER = "paas.owner";
    static final String DATABASE_ID = "paas.database-id";
    static final String DATABASE_OWNER = "paas.owner-id";
    static final String DATABASE_ROLE = "paas.database-role";

    private static final Logger log = LoggerFactory.getLogger(ContainerSampler.class);

    private final DockerClient docker;
    private final DockerCalls calls;
    private final ContainersProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicBoolean dockerDown = new AtomicBoolean();
    private final AtomicInteger sampledGauge = new AtomicInteger();
    private final Timer passTimer;
    private volatile List<ContainerSample> latest = List.of();
    private volatile Map<String, String> latestImages = Map.of();

    ContainerSampler(DockerClient docker, DockerCalls calls, ContainersProperties properties,
            ApplicationEventPublisher events, MeterRegistry meters, ObjectProvider<Clock> clock) {
        this.docker = docker;
        this.calls = calls;
        this.properties = properties;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        Gauge.builder("paas.metrics.containers.sampled", sampledGauge, AtomicInteger::get)
                .description("Containers the latest sampling pass sampled")
                .register(meters);
        this.passTimer = Timer.builder("paas.metrics.containers.sampling.pass")
                .description("Duration of one container sampling pass")
                .register(meters);
    }

    @Scheduled(initialDelayString = "${paas.metrics.containers.initial-delay:1s}",
            fixedDelayString = "${paas.metrics.containers.interval:15s}")
    void scheduledPass() {
        if (properties.sampling()) {
            sample();
        }
    }

    @Override
    public List<ContainerSample> latest() {
        return latest;
    }

    /** The image the latest pass saw a container run, by container id. */
    Optional<String> imageOf(String containerId) {
        return Optional.ofNullable(latestImages.get(containerId));
    }

    /** One sampling pass; empty when Docker could not be reached (nothing is published then). */
    Optional<ContainersSampled> sample() {
        long start = System.nanoTime();
        Instant at = clock.instant();
        List<Container> containers;
        try {
            containers = platformContainers();
        } catch (RuntimeException e) {
            if (dockerDown.compareAndSet(false, true)) {
                log.warn("Container sampling paused: {} (tried again every pass)", DockerFailures.messageOf(e));
            }
            return Optional.empty();
        }
        if (dockerDown.compareAndSet(true, false)) {
            log.info("Container sampling resumed: the Docker engine answers again");
        }
        Map<Container, Future<ContainerSample>> pending = new LinkedHashMap<>();
        for (Container container : containers) {
            pending.put(container, executor.submit(() -> sampleOne(container, at)));
        }
        long deadline = start + properties.statsTimeout().toNanos();
        List<ContainerSample> samples = new ArrayList<>();
        Map<String, String> images = new LinkedHashMap<>();
        for (Map.Entry<Container, Future<ContainerSample>> entry : pending.entrySet()) {
            Optional<ContainerSample> sample = await(entry.getKey(), entry.getValue(), deadline);
            if (sample.isPresent()) {
                samples.add(sample.get());
                images.put(sample.get().containerId(), entry.getKey().getImage());
            }
        }
        latest = List.copyOf(samples);
        latestImages = Map.copyOf(images);
        sampledGauge.set(samples.size());
        ContainersSampled pass = new ContainersSampled(at, samples);
        events.publishEvent(pass);
        passTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return Optional.of(pass);
    }

    private Optional<ContainerSample> await(Container container, Future<ContainerSample> future, long deadline) {
        try {
            return Optional.ofNullable(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            future.cancel(true);
            log.debug("Container {} did not answer its stats within {}; left out of this pass", shortId(container),
                    properties.statsTimeout());
        } catch (ExecutionException e) {
            // Gone between list and stats, or the engine failed on this one: the next pass sees it again or not.
            log.debug("Container {} not sampled: {}", shortId(container), DockerFailures.messageOf(e.getCause()));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private List<Container> platformContainers() {
        List<Container> found = new ArrayList<>();
        for (String managed : List.of("true", "database")) {
            found.addAll(calls.idempotent("list platform containers", () -> docker.listContainersCmd()
                    .withLabelFilter(Map.of(MANAGED, managed))
                    .exec()));
        }
        found.removeIf(container -> "scratch".equals(labels(container).get(DATABASE_ROLE)));
        return found;
    }

    private ContainerSample sampleOne(Container container, Instant at) {
        String id = container.getId();
        InspectContainerResponse inspect = calls.idempotent("inspect container " + shortId(container),
                () -> docker.inspectContainerCmd(id).exec());
        Statistics stats = calls.once("stats of container " + shortId(container), () -> {
            try (InvocationBuilder.AsyncResultCallback<Statistics> callback = docker.statsCmd(id)
                    .withNoStream(true)
                    .exec(new InvocationBuilder.AsyncResultCallback<>())) {
                return callback.awaitResult();
            }
        });
        if (stats == null) {
            throw new IllegalStateException("no stats for container " + shortId(container));
        }
        UsageArithmetic.Usage usage = UsageArithmetic.of(stats, limitsOf(inspect.getHostConfig()));
        Map<String, String> labels = labels(container);
        boolean database = "database".equals(labels.get(MANAGED));
        InspectContainerResponse.ContainerState state = inspect.getState();
        return new ContainerSample(id, database ? ContainerKind.DATABASE : ContainerKind.APP,
                database ? null : uuid(labels.get(PROJECT)), database ? null : uuid(labels.get(DEPLOYMENT)),
                database ? 0 : instance(labels.get(INSTANCE)), database ? uuid(labels.get(DATABASE_ID)) : null,
                uuid(labels.get(database ? DATABASE_OWNER : OWNER)),
                state == null || state.getStatus() == null ? container.getState() : state.getStatus(),
                state == null ? null : instant(state.getStartedAt()), at, usage.cpuPercentOfLimit(),
                usage.cpuPercentOfHost(), usage.memoryBytes(), usage.memoryLimitBytes(), usage.networkRxBytes(),
                usage.networkTxBytes(), usage.blockReadBytes(), usage.blockWriteBytes(),
                inspect.getRestartCount() == null ? 0 : inspect.getRestartCount());
    }

    private static UsageArithmetic.Limits limitsOf(HostConfig host) {
        if (host == null) {
            return UsageArithmetic.Limits.NONE;
        }
        return new UsageArithmetic.Limits(orZero(host.getNanoCPUs()), orZero(host.getCpuQuota()),
                orZero(host.getCpuPeriod()), orZero(host.getMemory()));
    }

    private static Map<String, String> labels(Container container) {
        return container.getLabels() == null ? Map.of() : container.getLabels();
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int instance(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Instant instant(String value) {
        try {
            Instant parsed = value == null ? null : Instant.parse(value);
            // Docker reports a container that never started with the zero time.
            return parsed == null || parsed.getEpochSecond() <= 0 ? null : parsed;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static String shortId(Container container) {
        String id = container.getId();
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
