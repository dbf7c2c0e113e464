package dev.paas.metrics.capacity;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Samples the host every {@code paas.metrics.capacity.interval}: publishes {@link HostSampled} and weighs the
 * admitting state on the resources of {@code paas.metrics.capacity.admission}, CPU averaged over
 * {@code paas.metrics.capacity.cpu-window}. The first pass runs at start-up, so
 * a state that changed while no replica ran is reported.
 */
class HostSampler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HostSampler.class);

    private final HostProbe probe;
    private final CpuAverage cpu;
    private final CapacityThreshold threshold;
    private final HostCapacity capacity;
    private final ApplicationEventPublisher events;
    private final Duration interval;
    private final Set<String> admission;
    private final boolean scheduled;
    private volatile Pass latest;
    private ScheduledExecutorService timer;

    HostSampler(HostProbe probe, CpuAverage cpu, CapacityThreshold threshold, HostCapacity capacity,
            ApplicationEventPublisher events, Duration interval, Set<String> admission, boolean scheduled) {
        this.probe = probe;
        this.cpu = cpu;
        this.threshold = threshold;
        this.capacity = capacity;
        this.events = events;
        this.interval = interval;
        this.admission = admission;
        this.scheduled = scheduled;
    }

    /** Measures the host once, publishes the sample and weighs admission. */
    synchronized Pass pass() {
        HostSample sample = probe.measure();
        double averagedCpu = cpu.add(sample);
        double percent = threshold.current();
        CapacityVerdict verdict = CapacityVerdict.of(averagedCpu, sample.memoryPercent(), sample.diskPercent(),
                percent, admission);
        events.publishEvent(new HostSampled(sample, percent));
        capacity.observe(sample.host(), verdict, sample.at());
        Pass pass = new Pass(sample, verdict);
        latest = pass;
        return pass;
    }

    /** The latest pass, measuring now if there was none yet. */
    Pass latest() {
        Pass pass = latest;
        return pass != null ? pass : pass();
    }

    String host() {
        return probe.host();
    }

    @Override
    public void start() {
        if (scheduled) {
            timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("host-sampler")
                    .factory());
            timer.scheduleWithFixedDelay(this::guardedPass, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
            log.info("sampling host {} every {}", probe.host(), interval);
        }
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    private void guardedPass() {
        try {
            pass();
        } catch (RuntimeException e) {
            log.warn("host sampling pass failed, tried again in {}: {}", interval, e.toString());
        }
    }

    /** One pass: what was measured and the verdict on it (CPU averaged). */
    record Pass(HostSample sample, CapacityVerdict verdict) {
    }
}
