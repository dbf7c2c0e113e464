package dev.paas.runtime.logs;

import dev.paas.problems.Unavailable;
import dev.paas.runtime.projects.KnownProject;
import dev.paas.runtime.projects.KnownProjects;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * A project's stored app logs, for its owner: the newest lines of a range, or followed as they are stored. A
 * followed log polls the store every {@code poll-interval} (the collecting replica may be another one), sends a
 * heartbeat when silent for {@code heartbeat}, and ends when this instance stops: clients resume after the id they
 * saw last. At most {@code max-followers} streams run at once in this instance.
 */
@Service
public class RuntimeLogs implements SmartLifecycle {

    private static final int BATCH = 500;

    private final KnownProjects projects;
    private final StoredLogs stored;
    private final LogProperties properties;
    private final Semaphore followers;
    private volatile boolean running;

    RuntimeLogs(KnownProjects projects, StoredLogs stored, LogProperties properties) {
        this.projects = projects;
        this.stored = stored;
        this.properties = properties;
        this.followers = new Semaphore(properties.maxFollowers());
    }

    /** The newest lines of the range, oldest first; empty when the project is not {@code caller}'s. */
    public Optional<List<RuntimeLogLine>> lines(UUID projectId, UUID caller, LogQuery query) {
        return projects.owned(projectId, caller).map(project -> stored.newest(projectId, query));
    }

    /**
     * A followed log of {@code caller}'s project, reserved before the response starts; empty when the project is
     * not theirs. Throws {@link Unavailable} when this instance already serves as many streams as it may.
     */
    public Optional<Follow> follow(UUID projectId, UUID caller, LogQuery query) {
        Optional<KnownProject> project = projects.owned(projectId, caller);
        if (project.isEmpty()) {
            return Optional.empty();
        }
        if (!running || !followers.tryAcquire()) {
            throw new Unavailable("this runtime-service instance follows " + properties.maxFollowers()
                    + " logs already; retry in a moment or read the log without follow=true");
        }
        return Optional.of(new Follow(projectId, query));
    }

    /** The longest a followed log lasts. */
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
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** What a followed log sends; a failing send (the client left) ends it. */
    public interface Listener {

        void lines(List<RuntimeLogLine> lines) throws IOException;

        void heartbeat() throws IOException;
    }

    /** One client's followed log; {@link #close()} gives its place back. */
    public final class Follow implements AutoCloseable {

        private final UUID projectId;
        private final LogQuery query;
        private volatile boolean cancelled;

        private Follow(UUID projectId, LogQuery query) {
            this.projectId = projectId;
            this.query = query;
        }

        /**
         * Sends the lines after {@code afterId} when given (a client resuming), else the newest lines of the query,
         * then every line stored later that passes the level and instance filters, until cancelled or the instance
         * stops.
         */
        public void run(Long afterId, Listener listener) throws IOException, InterruptedException {
            long last;
            if (afterId != null) {
                last = afterId;
            } else {
                long settled = stored.lastSettledId(projectId, properties.settle());
                List<RuntimeLogLine> recent = stored.newest(projectId, query).stream()
                        .filter(line -> line.id() <= settled)
                        .toList();
                if (!recent.isEmpty()) {
                    listener.lines(recent);
                }
                last = settled;
            }
            long lastSent = System.nanoTime();
            while (!cancelled && running) {
                List<RuntimeLogLine> lines = stored.after(projectId, last, query, properties.settle(), BATCH);
                if (!lines.isEmpty()) {
                    listener.lines(lines);
                    last = lines.getLast().id();
                    lastSent = System.nanoTime();
                    if (lines.size() == BATCH) {
                        continue;
                    }
                } else if (System.nanoTime() - lastSent >= properties.heartbeat().toNanos()) {
                    listener.heartbeat();
                    lastSent = System.nanoTime();
                }
                TimeUnit.MILLISECONDS.sleep(properties.pollInterval().toMillis());
            }
        }

        /** Ends the stream at its next step (the client left or the response timed out). */
        public void cancel() {
            cancelled = true;
        }

        @Override
        public void close() {
            followers.release();
        }
    }
}
