package dev.paas.build.builds;

import dev.paas.problems.Unavailable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Follows build logs for streaming clients: sends the lines after the one a client saw last, then each new batch as it
 * is written, until the build has finished. Lines of builds running in this instance arrive at once ({@link
 * LogSignals}); those of builds running on another instance within {@code paas.build.logs.poll-interval}. A silent
 * stream gets a heartbeat every {@code paas.build.logs.heartbeat}. At most {@code paas.build.logs.max-followers}
 * streams run at a time; when the instance stops they end, and clients resume elsewhere after their last line.
 */
@Service
public class BuildLogStreams implements SmartLifecycle {

    private static final int BATCH = 500;

    private final Builds builds;
    private final BuildLogs logs;
    private final LogSignals signals;
    private final BuildLogProperties properties;
    private final Semaphore followers;
    private volatile boolean running;

    BuildLogStreams(Builds builds, BuildLogs logs, LogSignals signals, BuildLogProperties properties) {
        this.builds = builds;
        this.logs = logs;
        this.signals = signals;
        this.properties = properties;
        this.followers = new Semaphore(properties.maxFollowers());
    }

    /** What a stream sends; a failing send (the client left) ends the stream. */
    public interface Listener {

        void lines(List<LogLine> lines) throws IOException;

        void heartbeat() throws IOException;

        void end(Ending ending) throws IOException;
    }

    /**
     * How the build ended.
     *
     * @param outcome {@code succeeded} or {@code failed}
     * @param at when it finished
     * @param error why it failed; {@code null} when it succeeded
     * @param phase the phase of the last line sent, if any
     */
    public record Ending(String outcome, Instant at, String error, BuildPhase phase) {
    }

    /**
     * A stream of {@code caller}'s build log, reserved before the response starts; empty when the build is not
     * theirs. Throws {@link Unavailable} when this instance already serves as many streams as it may.
     */
    public Optional<Follow> open(UUID id, UUID caller) {
        if (builds.findById(id).filter(build -> build.isOwnedBy(caller)).isEmpty()) {
            return Optional.empty();
        }
        if (!running || !followers.tryAcquire()) {
            throw new Unavailable("this build-service instance follows " + properties.maxFollowers()
                    + " build logs already; retry in a moment or read the log without follow=true");
        }
        return Optional.of(new Follow(id));
    }

    /** The longest a stream lasts. */
    public Duration timeout() {
        return properties.followTimeout();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        signals.raiseAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** One client's stream; {@link #close()} gives its place back. */
    public final class Follow implements AutoCloseable {

        private final UUID buildId;
        private final LogSignals.Signal signal;
        private volatile boolean cancelled;

        private Follow(UUID buildId) {
            this.buildId = buildId;
            this.signal = signals.register(buildId);
        }

        /**
         * Sends the lines after {@code afterId} and then new ones until the build ends ({@link Listener#end}), the
         * stream is cancelled or the instance stops.
         */
        public void run(long afterId, Listener listener) throws IOException, InterruptedException {
            long last = afterId;
            BuildPhase phase = null;
            long lastSent = System.nanoTime();
            while (!cancelled && running) {
                // Status first: the runner writes every line before it finishes the build, so a finished build's
                // lines are all visible to the read that follows.
                Optional<Build> build = builds.findById(buildId);
                boolean finished = build.map(b -> b.status() == BuildStatus.SUCCEEDED
                        || b.status() == BuildStatus.FAILED).orElse(true);
                List<LogLine> lines = logs.after(buildId, last, BATCH);
                if (!lines.isEmpty()) {
                    listener.lines(lines);
                    last = lines.getLast().id();
                    phase = lines.getLast().phase() == null ? phase : lines.getLast().phase();
                    lastSent = System.nanoTime();
                    if (finished || lines.size() == BATCH) {
                        continue;
                    }
                } else if (finished) {
                    listener.end(ending(build, phase));
                    return;
                } else if (System.nanoTime() - lastSent >= properties.heartbeat().toNanos()) {
                    listener.heartbeat();
                    lastSent = System.nanoTime();
                }
                signal.await(shorter(properties.pollInterval(), properties.heartbeat()));
            }
        }

        /** Ends the stream at its next step (the client left or the response timed out). */
        public void cancel() {
            cancelled = true;
            signal.raise();
        }

        @Override
        public void close() {
            signals.unregister(buildId, signal);
            followers.release();
        }

        private Ending ending(Optional<Build> build, BuildPhase phase) {
            if (build.isEmpty()) {
                return new Ending("failed", Instant.now(), "the build no longer exists", phase);
            }
            Build ended = build.get();
            return ended.status() == BuildStatus.SUCCEEDED
                    ? new Ending("succeeded", ended.finishedAt(), null, phase)
                    : new Ending("failed", ended.finishedAt(), ended.error(), phase);
        }
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
