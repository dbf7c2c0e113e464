package dev.paas.runtime.logs;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.paas.docker.DockerCalls;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows the stdout and stderr of every running app container (label {@code paas.managed=true} with a
 * {@code paas.project}) and stores their lines in batches. Containers are found by a rescan every
 * {@code rescan-interval} and at once from Docker's {@code start} and {@code die} events (the latter catches the last
 * lines of a container that crashed between two rescans).
 *
 * <p>Each container's log is leased to one instance ({@link LogCursors}); its cursor, the timestamp of the last
 * stored line, advances in the transaction that stores the lines. A follow asks Docker for the lines since that
 * second and skips those of them already stored, so a restart of this service (or a takeover by another replica)
 * stores no line twice. A batch whose lease was lost meanwhile is dropped: the new holder reads those lines itself.
 */
@Component
class LogCollector implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LogCollector.class);
    static final String MANAGED = "paas.managed";
    static final String PROJECT = "paas.project";
    static final String INSTANCE = "paas.instance";

    private final DockerClient docker;
    private final DockerCalls calls;
    private final LogCursors cursors;
    private final StoredLogs stored;
    private final TransactionTemplate transactions;
    private final LogProperties properties;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();
    private final Map<String, Follow> follows = new ConcurrentHashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private final Object flushing = new Object();
    private ScheduledExecutorService scheduler;
    private Closeable events;
    private volatile boolean running;
    private volatile boolean rescanFailing;

    LogCollector(DockerClient docker, DockerCalls calls, LogCursors cursors, StoredLogs stored,
            TransactionTemplate transactions, LogProperties properties, Clock clock) {
        this.docker = docker;
        this.calls = calls;
        this.cursors = cursors;
        this.stored = stored;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        running = true;
        scheduler = Executors.newScheduledThreadPool(2, Thread.ofPlatform().name("runtime-logs-", 0).daemon()
                .factory());
        scheduler.scheduleWithFixedDelay(this::rescanQuietly, 0, properties.rescanInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::flushQuietly, properties.flushInterval().toMillis(),
                properties.flushInterval().toMillis(), TimeUnit.MILLISECONDS);
        scheduler.execute(this::listenToEvents);
    }

    @Override
    public synchronized void stop() {
        running = false;
        closeQuietly(events);
        follows.values().forEach(Follow::cancel);
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushQuietly();
        for (String containerId : List.copyOf(follows.keySet())) {
            releaseQuietly(containerId);
        }
        follows.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Which containers this instance follows right now. */
    Set<String> followed() {
        return Set.copyOf(follows.keySet());
    }

    /** Lists the running app containers, follows those nobody collects and renews the leases of those it does. */
    void rescan() {
        List<Container> containers = calls.idempotent("list app containers for logs", () -> docker
                .listContainersCmd()
                .withLabelFilter(Map.of(MANAGED, "true"))
                .exec());
        for (Container container : containers) {
            collect(container.getId(), container.getLabels());
        }
        renewLeases();
    }

    private void renewLeases() {
        for (String containerId : List.copyOf(follows.keySet())) {
            Follow follow = follows.get(containerId);
            if (follow != null && !follow.ended && !cursors.holds(containerId, owner)) {
                log.info("another instance collects the log of container {} now", containerId);
                follow.cancel();
                follows.remove(containerId, follow);
            }
        }
        cursors.renew(follows.keySet(), owner, properties.lease());
    }

    /** Follows the container's log unless this instance does already or another instance holds its lease. */
    void collect(String containerId, Map<String, String> labels) {
        if (!running || labels == null || !"true".equals(labels.get(MANAGED)) || labels.get(PROJECT) == null
                || follows.containsKey(containerId)) {
            return;
        }
        UUID projectId;
        try {
            projectId = UUID.fromString(labels.get(PROJECT));
        } catch (IllegalArgumentException e) {
            return;
        }
        Optional<LogCursors.Claim> claim = cursors.claim(containerId, projectId, owner, properties.lease());
        if (claim.isEmpty()) {
            return;
        }
        Instant lastTs = claim.get().lastTs() != null ? claim.get().lastTs()
                : clock.instant().minus(properties.retention());
        Set<String> storedAtCursor = claim.get().lastTs() == null ? Set.of()
                : stored.keysSince(projectId, containerId, lastTs.truncatedTo(ChronoUnit.SECONDS));
        Follow follow = new Follow(containerId, projectId, instanceOf(labels), lastTs, storedAtCursor);
        if (follows.putIfAbsent(containerId, follow) != null) {
            return;
        }
        try {
            docker.logContainerCmd(containerId)
                    .withStdOut(true)
                    .withStdErr(true)
                    .withFollowStream(true)
                    .withTimestamps(true)
                    .withSince((int) lastTs.getEpochSecond())
                    .exec(follow);
            log.debug("following the log of container {} of project {} since {}", containerId, projectId, lastTs);
        } catch (RuntimeException e) {
            log.debug("cannot follow the log of container {}: {}", containerId, e.toString());
            follows.remove(containerId, follow);
            releaseQuietly(containerId);
        }
    }

    /** Stores the lines read so far: per container in the order read, with its cursor, in one transaction. */
    void flush() {
        synchronized (flushing) {
            flushBatch();
        }
    }

    private void flushBatch() {
        List<Pending> batch;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return;
            }
            batch = List.copyOf(pending);
            pending.clear();
        }
        Map<String, List<Pending>> byContainer = new LinkedHashMap<>();
        Set<Follow> ended = new LinkedHashSet<>();
        for (Pending item : batch) {
            if (follows.get(item.follow().containerId) != item.follow()) {
                // cancelled (lease lost, or a failed batch): the next follow reads from the stored cursor again
                continue;
            }
            if (item.line() == null) {
                ended.add(item.follow());
            } else {
                byContainer.computeIfAbsent(item.follow().containerId, id -> new ArrayList<>()).add(item);
            }
        }
        transactions.executeWithoutResult(status -> {
            List<StoredLogs.NewLine> lines = new ArrayList<>();
            for (List<Pending> ofContainer : byContainer.values()) {
                Follow follow = ofContainer.getFirst().follow();
                Instant last = ofContainer.stream().map(item -> item.line().ts()).max(Instant::compareTo)
                        .orElseThrow();
                if (cursors.advance(follow.containerId, owner, last, properties.lease())) {
                    ofContainer.forEach(item -> lines.add(item.line()));
                } else {
                    log.info("lost the lease on the log of container {}; its holder stores these lines",
                            follow.containerId);
                    follow.cancel();
                    follows.remove(follow.containerId, follow);
                }
            }
            stored.insert(lines);
        });
        for (Follow follow : ended) {
            if (follows.remove(follow.containerId, follow)) {
                releaseQuietly(follow.containerId);
            }
        }
    }

    private void enqueue(Pending item) {
        boolean full;
        synchronized (pending) {
            pending.add(item);
            full = pending.size() >= properties.batchSize();
        }
        if (full && running) {
            scheduler.execute(this::flushQuietly);
        }
    }

    private void listenToEvents() {
        if (!running) {
            return;
        }
        try {
            events = docker.eventsCmd()
                    .withEventTypeFilter("container")
                    .withEventFilter("start", "die")
                    .withLabelFilter(Map.of(MANAGED, "true"))
                    .exec(new ResultCallback.Adapter<Event>() {
                        @Override
                        public void onNext(Event event) {
                            Map<String, String> labels = event.getActor() == null ? null
                                    : event.getActor().getAttributes();
                            String id = event.getId() != null ? event.getId()
                                    : event.getActor() == null ? null : event.getActor().getId();
                            if (id != null && running) {
                                scheduler.execute(() -> collectQuietly(id, labels));
                            }
                        }

                        @Override
                        public void onError(Throwable error) {
                            log.debug("Docker's event stream failed, rescans continue: {}", error.toString());
                            super.onError(error);
                        }
                    });
        } catch (RuntimeException e) {
            log.debug("cannot listen to Docker's events, rescans continue: {}", e.toString());
        }
    }

    private void collectQuietly(String containerId, Map<String, String> labels) {
        try {
            collect(containerId, labels);
        } catch (RuntimeException e) {
            log.warn("cannot collect the log of container {}: {}", containerId, e.toString());
        }
    }

    private void rescanQuietly() {
        try {
            rescan();
            rescanFailing = false;
        } catch (RuntimeException e) {
            // once per outage, not every few seconds
            if (!rescanFailing) {
                log.warn("rescanning app containers for their logs failed, retrying quietly: {}", e.toString());
            }
            rescanFailing = true;
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // the lines stay unstored and the cursors unmoved: following again from the cursor reads them again
            log.warn("storing app log lines failed; following their containers again: {}", e.toString());
            for (Follow follow : List.copyOf(follows.values())) {
                follow.cancel();
                follows.remove(follow.containerId, follow);
            }
        }
    }

    private void releaseQuietly(String containerId) {
        try {
            cursors.release(containerId, owner);
        } catch (RuntimeException e) {
            log.debug("releasing the log lease of {} failed, it runs out: {}", containerId, e.toString());
        }
    }

    private static int instanceOf(Map<String, String> labels) {
        try {
            return labels.get(INSTANCE) == null ? 0 : Math.max(0, Integer.parseInt(labels.get(INSTANCE)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException | RuntimeException e) {
            log.debug("closing failed: {}", e.toString());
        }
    }

    /** What tells a stored line from another of the same container. */
    static String key(Instant ts, String stream, String line) {
        return ts.truncatedTo(ChronoUnit.MICROS) + " " + stream + " " + line;
    }

    /** A line read, or ({@code line == null}) the end of a container's log. */
    private record Pending(Follow follow, StoredLogs.NewLine line) {
    }

    /** One container's followed log. Docker sends a frame per entry: {@code <RFC 3339 nano timestamp> <text>}. */
    private final class Follow extends ResultCallback.Adapter<Frame> {

        private final String containerId;
        private final UUID projectId;
        private final int instance;
        private final Instant cursor;
        private final Set<String> storedAtCursor;
        private Instant lastSeen;
        private boolean skipping;
        private volatile boolean ended;

        /**
         * @param cursor the timestamp of the last stored line
         * @param storedAtCursor {@link #key}s of the lines stored since the second of the cursor: Docker sends those
         *        again. Timestamps of stdout and stderr lines are not in order with each other, so a line not after
         *        the cursor may still be new: only the stored ones are skipped.
         */
        Follow(String containerId, UUID projectId, int instance, Instant cursor, Set<String> storedAtCursor) {
            this.containerId = containerId;
            this.projectId = projectId;
            this.instance = instance;
            this.cursor = cursor.truncatedTo(ChronoUnit.MICROS);
            this.storedAtCursor = storedAtCursor;
        }

        @Override
        public void onNext(Frame frame) {
            String stream = frame.getStreamType() == StreamType.STDERR ? "stderr" : "stdout";
            String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
            for (String entry : text.split("\n")) {
                read(stream, entry);
            }
        }

        private synchronized void read(String stream, String entry) {
            if (ended) {
                return;
            }
            Instant ts = null;
            String line = entry;
            int space = entry.indexOf(' ');
            if (space > 0) {
                try {
                    ts = Instant.parse(entry.substring(0, space)).truncatedTo(ChronoUnit.MICROS);
                    line = entry.substring(space + 1);
                } catch (DateTimeException notATimestamp) {
                    // a continuation of a long line Docker split: it belongs to the entry before
                }
            }
            if (ts == null) {
                if (entry.isEmpty() || lastSeen == null || skipping) {
                    return;
                }
                ts = lastSeen;
            }
            lastSeen = ts;
            line = LongLines.cut(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line,
                    properties.maxLineBytes());
            skipping = !ts.isAfter(cursor) && storedAtCursor.contains(key(ts, stream, line));
            if (skipping) {
                return;
            }
            enqueue(new Pending(this, new StoredLogs.NewLine(projectId, containerId, instance, ts, stream,
                    LogLevels.of(line), line)));
        }

        @Override
        public void onError(Throwable error) {
            log.debug("the log stream of container {} failed: {}", containerId, error.toString());
            end();
            super.onError(error);
        }

        @Override
        public void onComplete() {
            end();
            super.onComplete();
        }

        private synchronized void end() {
            if (!ended) {
                ended = true;
                enqueue(new Pending(this, null));
            }
        }

        void cancel() {
            synchronized (this) {
                ended = true;
            }
            closeQuietly(this);
        }
    }
}
