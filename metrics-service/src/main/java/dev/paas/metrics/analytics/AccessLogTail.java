package dev.paas.metrics.analytics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Follows Caddy's JSON access log and turns its lines into per-project counts. Caddy only writes the file and never
 * waits for us: we read it on a thread of our own, behind the ingress.
 *
 * <p>Counts are kept in memory and flushed every {@code flushInterval} in one transaction with the file's identity and
 * the offset after the last line counted, so a restart resumes exactly there: no line is counted twice or lost. When
 * the file is rotated (Caddy renames it to {@code caddy-access-<time>.log} and opens a new one) the old one is read
 * to its end first, also after a restart when it is still there; a file that shrank is read again from its start.
 * One replica tails a file at a time: it holds a lease row, the others stand by and take over when it runs out.
 */
final class AccessLogTail implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccessLogTail.class);
    private static final int CHUNK = 1 << 20;
    private static final int MAX_CHUNKS_PER_POLL = 64;

    private final Path file;
    private final String logPath;
    private final AnalyticsStore store;
    private final AccessLogCounter counter;
    private final PendingAnalytics pending;
    private final AnalyticsProperties properties;
    private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
    private final String owner = "access-log-tail-" + UUID.randomUUID();
    private final AtomicLong lagBytes = new AtomicLong();

    private ScheduledExecutorService executor;
    private volatile boolean running;
    private boolean leased;
    private FileChannel channel;
    private String channelKey;
    private long offset;
    private TailPosition parked = TailPosition.START;
    private long lastFlushNanos;
    private long nextAcquireNanos;

    AccessLogTail(Path file, AnalyticsStore store, HostAttribution hosts, VisitorHashes visitors,
            AnalyticsProperties properties, MeterRegistry meters) {
        this.file = file.toAbsolutePath().normalize();
        this.logPath = this.file.toString();
        this.store = store;
        this.properties = properties;
        Counter linesRead = Counter.builder("paas.analytics.lines.read").description("access log lines read")
                .tag("log", this.file.getFileName().toString()).register(meters);
        Counter linesUnattributed = Counter.builder("paas.analytics.lines.unattributed")
                .description("access log lines of no known project (or not requests)")
                .tag("log", this.file.getFileName().toString()).register(meters);
        Gauge.builder("paas.analytics.tail.lag", lagBytes, AtomicLong::get).baseUnit("bytes")
                .description("bytes of the access log not read yet").tag("log", this.file.getFileName().toString())
                .register(meters);
        this.counter = new AccessLogCounter(hosts, visitors, linesRead, linesUnattributed);
        this.pending = counter.pending();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "access-log-tail");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        executor.scheduleWithFixedDelay(this::poll, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Flushes what was read, gives the lease up and stops. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            executor.submit(this::finish).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("access log tail of {} did not finish cleanly: {}", logPath, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Tails only where analytics is enabled; tests start their tails themselves. */
    @Override
    public boolean isAutoStartup() {
        return properties.enabled();
    }

    /** The access log this tail follows. */
    Path file() {
        return file;
    }

    /** One round: take the lease if needed, read what is new, flush when it is time. */
    void poll() {
        if (!running) {
            return;
        }
        try {
            if (!leased && !acquire()) {
                return;
            }
            readNewLines();
            if (System.nanoTime() - lastFlushNanos >= properties.flushInterval().toNanos()) {
                flush();
            }
        } catch (LeaseLost e) {
            log.warn("{}; standing by", e.getMessage());
            reset();
        } catch (RuntimeException | IOException e) {
            // What was read and not flushed is dropped: it is read again from the stored offset.
            log.warn("access log tail of {} failed, resuming from the last stored offset: {}", logPath, e.toString());
            reset();
        }
    }

    private boolean acquire() throws IOException {
        if (System.nanoTime() - nextAcquireNanos < 0) {
            return false;
        }
        Optional<TailPosition> position = store.acquire(logPath, owner, properties.lease());
        if (position.isEmpty()) {
            // Standing by: ask again once a flush interval, not on every poll.
            nextAcquireNanos = System.nanoTime() + properties.flushInterval().toNanos();
            return false;
        }
        leased = true;
        lastFlushNanos = System.nanoTime();
        resumeAt(position.get());
        return true;
    }

    private void resumeAt(TailPosition position) throws IOException {
        Optional<String> current = fileKeyOf(file);
        parked = position;
        if (current.isEmpty()) {
            // No file yet (Caddy has not logged a request, or is between rename and create): keep the position.
            closeChannel();
        } else if (position.fileKey() == null) {
            openCurrent(0);
        } else if (position.fileKey().equals(current.get())) {
            openCurrent(Files.size(file) < position.offset() ? 0 : position.offset());
        } else {
            Optional<Path> rotated = rotatedFile(position.fileKey());
            if (rotated.isPresent()) {
                log.info("resuming the rotated access log {} at {} before {}", rotated.get(), position.offset(),
                        file);
                open(rotated.get(), position.fileKey(), position.offset());
            } else {
                log.warn("the access log {} read up to {} is gone; starting {} from its start", position.fileKey(),
                        position.offset(), file);
                openCurrent(0);
            }
        }
    }

    private void readNewLines() throws IOException {
        if (channel == null) {
            resumeAt(parked);
            if (channel == null) {
                return;
            }
        }
        for (int chunks = 0; chunks < MAX_CHUNKS_PER_POLL && running; chunks++) {
            if (!readChunk()) {
                break;
            }
        }
        Optional<String> current = fileKeyOf(file);
        if (current.isPresent() && !current.get().equals(channelKey)) {
            // Rotated: the old file is complete once renamed; read its last lines, then the new file from 0.
            while (readChunk()) {
                // until the end of the old file
            }
            openCurrent(0);
            readChunk();
        } else if (current.isPresent() && Files.size(file) < offset) {
            log.info("the access log {} shrank below {}; reading it from its start", file, offset);
            offset = 0;
        }
        lagBytes.set(current.isPresent() && current.get().equals(channelKey) ? Math.max(0, Files.size(file) - offset)
                : 0);
    }

    /** Reads and counts the complete lines after {@code offset}; false when there were none. */
    private boolean readChunk() throws IOException {
        buffer.clear();
        int read = channel.read(buffer, offset);
        if (read <= 0) {
            return false;
        }
        int start = counter.countLines(buffer.array(), read);
        offset += start;
        return start > 0 && read == CHUNK;
    }

    private void flush() {
        TailPosition position = channel != null ? new TailPosition(channelKey, offset) : parked;
        store.flush(logPath, owner, properties.lease(), position, pending, properties.topPaths());
        parked = position;
        pending.clear();
        lastFlushNanos = System.nanoTime();
    }

    private void finish() {
        try {
            if (leased) {
                flush();
                store.release(logPath, owner);
            }
        } catch (RuntimeException e) {
            log.warn("access log tail of {} could not store its last lines: {}", logPath, e.toString());
        } finally {
            reset();
        }
    }

    private void reset() {
        pending.clear();
        leased = false;
        closeChannel();
    }

    private void openCurrent(long from) throws IOException {
        Optional<String> key = fileKeyOf(file);
        if (key.isEmpty()) {
            closeChannel();
            return;
        }
        open(file, key.get(), from);
    }

    private void open(Path path, String key, long from) throws IOException {
        closeChannel();
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return;
        }
        channelKey = key;
        offset = from;
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                log.debug("closing {} failed: {}", logPath, e.toString());
            }
        }
        channel = null;
        channelKey = null;
        offset = 0;
    }

    /** A rotated copy of the access log ({@code <name>-<time>.<ext>} next to it) with the identity {@code key}. */
    private Optional<Path> rotatedFile(String key) throws IOException {
        Path directory = file.getParent();
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String glob = (dot > 0 ? name.substring(0, dot) : name) + "-*" + (dot > 0 ? name.substring(dot) : "");
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(directory, glob)) {
            for (Path candidate : candidates) {
                if (fileKeyOf(candidate).filter(key::equals).isPresent()) {
                    return Optional.of(candidate);
                }
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> fileKeyOf(Path path) {
        try {
            Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            return Optional.of(key == null ? path.toString() : key.toString());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
