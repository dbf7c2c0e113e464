package dev.paas.build.builds;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Appends one run of a build to its log (see {@link BuildLogs} for the rules). Output lines ({@link #accept}) are
 * batched: written when {@code flushLines} have gathered or {@code flushInterval} after the first of a batch. The
 * runner's own lines ({@link #phase}, {@link #note}) are written at once with what is pending, so that the log is
 * complete before the build's status changes: a follower that sees the build finished has seen all its lines.
 */
public final class BuildLogWriter implements Consumer<String> {

    /** Where batches go: one call per batch, lines in order. */
    interface Sink {
        void insert(UUID buildId, List<Pending> lines);
    }

    /** A line not written yet. */
    record Pending(Instant at, BuildPhase phase, boolean marker, String text) {
    }

    private static final Pattern STEP = Pattern.compile("^Step (\\d+)/(\\d+) : .*");

    private final UUID buildId;
    private final Sink sink;
    private final Runnable written;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final long maxBytes;
    private final int flushLines;
    private final Duration flushInterval;
    private final List<Pending> pending = new ArrayList<>();
    private long bytes;
    private boolean truncated;
    private boolean flushScheduled;
    private BuildPhase phase;
    private DockerfilePhases dockerfilePhases = DockerfilePhases.none();

    BuildLogWriter(UUID buildId, Sink sink, Runnable written, ScheduledExecutorService scheduler, Clock clock,
            BuildLogProperties properties, long storedBytes) {
        this.buildId = buildId;
        this.sink = sink;
        this.written = written;
        this.scheduler = scheduler;
        this.clock = clock;
        this.maxBytes = properties.maxBytes().toBytes();
        this.flushLines = properties.flushLines();
        this.flushInterval = properties.flushInterval();
        this.bytes = storedBytes;
        this.truncated = storedBytes > maxBytes - BuildLogProperties.RESERVE_BYTES;
    }

    /** A line of build output (clone, detection, the Docker build): batched. */
    @Override
    public synchronized void accept(String line) {
        String text = clean(line);
        var step = STEP.matcher(text);
        if (step.matches()) {
            dockerfilePhases.ofStep(Integer.parseInt(step.group(1)), Integer.parseInt(step.group(2)))
                    .filter(stepPhase -> stepPhase != phase)
                    .ifPresent(stepPhase -> {
                        phase = stepPhase;
                        append(new Pending(clock.instant(), stepPhase, true, describe(stepPhase)), true);
                    });
        }
        append(new Pending(clock.instant(), phase, false, text), true);
    }

    /** The runner's line that starts {@code next} (a plain line when that phase is already on); written at once. */
    public synchronized void phase(BuildPhase next, String text) {
        boolean starts = next != phase;
        phase = next;
        append(new Pending(clock.instant(), next, starts, clean(text)), false);
        flush();
    }

    /** The runner's own line in the current phase (an outcome, a hand-back); written at once. */
    public synchronized void note(String text) {
        append(new Pending(clock.instant(), phase, false, clean(text)), false);
        flush();
    }

    /**
     * The Docker build of {@code dockerfile} starts: its steps get the phases its {@code # paas-phase:} markers give
     * them, beginning with {@code build} (or the first step's marker).
     */
    public synchronized void imageBuild(Path dockerfile, String text) {
        dockerfilePhases = DockerfilePhases.of(dockerfile);
        phase(dockerfilePhases.first().orElse(BuildPhase.BUILD), text);
    }

    /** Writes what is pending; the run is over. */
    public synchronized void close() {
        flush();
    }

    synchronized void flush() {
        flushScheduled = false;
        if (pending.isEmpty()) {
            return;
        }
        List<Pending> batch = List.copyOf(pending);
        pending.clear();
        sink.insert(buildId, batch);
        written.run();
    }

    private void append(Pending line, boolean buildOutput) {
        long size = line.text().getBytes(StandardCharsets.UTF_8).length;
        if (!truncated && bytes + size > maxBytes - BuildLogProperties.RESERVE_BYTES) {
            truncated = true;
            String note = "[log truncated at " + describe(maxBytes) + ": later output of this build is not kept;"
                    + " the build continues]";
            bytes += note.getBytes(StandardCharsets.UTF_8).length;
            pending.add(new Pending(line.at(), phase, false, note));
        }
        // After the cut only the runner's few lines are kept, and only as long as they fit under the cap.
        if (truncated && (buildOutput || bytes + size > maxBytes)) {
            return;
        }
        bytes += size;
        pending.add(line);
        if (pending.size() >= flushLines) {
            flush();
        } else if (!flushScheduled) {
            scheduleFlush();
        }
    }

    private void scheduleFlush() {
        try {
            scheduler.schedule(this::flush, flushInterval.toNanos(), TimeUnit.NANOSECONDS);
            flushScheduled = true;
        } catch (RejectedExecutionException e) {
            flush();
        }
    }

    private static String clean(String line) {
        // PostgreSQL text cannot hold NUL characters.
        return line.replace("\u0000", "");
    }

    private static String describe(BuildPhase phase) {
        return switch (phase) {
            case INSTALL -> "==> Installing dependencies";
            case BUILD -> "==> Building the app";
            case IMAGE -> "==> Assembling the image";
            default -> "==> " + phase.wireName();
        };
    }

    static String describe(long bytes) {
        long mb = 1024 * 1024;
        if (bytes % mb == 0) {
            return bytes / mb + " MB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
