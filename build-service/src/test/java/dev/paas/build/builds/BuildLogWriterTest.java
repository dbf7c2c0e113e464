package dev.paas.build.builds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class BuildLogWriterTest {

    private static final UUID BUILD = UUID.randomUUID();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    private final List<List<BuildLogWriter.Pending>> batches = new CopyOnWriteArrayList<>();
    private final AtomicInteger signals = new AtomicInteger();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @TempDir
    Path directory;

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void writesOutputInBatchesOfFlushLines() {
        BuildLogWriter writer = writer(DataSize.ofMegabytes(10), Duration.ofHours(1), 0);

        for (int i = 0; i < 450; i++) {
            writer.accept("line " + i);
        }

        assertThat(batches).extracting(List::size).containsExactly(200, 200);
        writer.close();
        assertThat(batches).extracting(List::size).containsExactly(200, 200, 50);
        assertThat(lines()).hasSize(450).first().isEqualTo("line 0");
        assertThat(signals).hasValue(3);
    }

    @Test
    void writesAStragglerAfterTheFlushInterval() {
        BuildLogWriter writer = writer(DataSize.ofMegabytes(10), Duration.ofMillis(50), 0);

        writer.accept("only line");

        await().atMost(Duration.ofSeconds(5)).until(() -> lines().equals(List.of("only line")));
    }

    @Test
    void writesTheRunnersLinesAtOnceWithWhatIsPending() {
        BuildLogWriter writer = writer(DataSize.ofMegabytes(10), Duration.ofHours(1), 0);

        writer.phase(BuildPhase.CLONE, "==> Build 1 of shop");
        writer.accept("Cloning x");
        writer.note("==> Build failed: no");

        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).extracting(BuildLogWriter.Pending::text).containsExactly("Cloning x",
                "==> Build failed: no");
        assertThat(batches.get(0).getFirst().marker()).isTrue();
        assertThat(batches.get(1)).allMatch(line -> !line.marker() && line.phase() == BuildPhase.CLONE);
    }

    @Test
    void keepsAnEndlessBuildUnderTheCapWithANoteWhereItWasCut() {
        long cap = DataSize.ofKilobytes(64).toBytes();
        BuildLogWriter writer = writer(DataSize.ofKilobytes(64), Duration.ofHours(1), 0);
        writer.phase(BuildPhase.BUILD, "==> Building image");

        for (int i = 0; i < 200_000; i++) {
            writer.accept("spam line number " + i + " of a build that never stops printing");
        }
        writer.note("==> Build failed: image build failed: timed out after 15 minutes");

        List<String> lines = lines();
        long stored = lines.stream().mapToLong(line -> line.getBytes(StandardCharsets.UTF_8).length).sum();
        assertThat(stored).isLessThanOrEqualTo(cap).isGreaterThan(cap - 2 * BuildLogProperties.RESERVE_BYTES);
        assertThat(lines).filteredOn(line -> line.startsWith("[log truncated at 64 KB: ")).hasSize(1);
        assertThat(lines.getLast()).isEqualTo("==> Build failed: image build failed: timed out after 15 minutes");
        assertThat(lines.get(lines.size() - 2)).startsWith("[log truncated at 64 KB");
    }

    @Test
    void aResumedBuildWhoseLogIsFullAddsNoOutput() {
        BuildLogWriter writer = writer(DataSize.ofKilobytes(64), Duration.ofHours(1),
                DataSize.ofKilobytes(64).toBytes() - 100);

        writer.accept("more output");
        writer.close();

        assertThat(lines()).isEmpty();
    }

    @Test
    void marksTheDockerfilesPhasesAsItsStepsRun() throws Exception {
        Path dockerfile = Files.writeString(directory.resolve("Dockerfile"), """
                FROM paas/node:18
                # paas-phase: install
                RUN npm ci
                # paas-phase: build
                RUN npm run build
                """);
        BuildLogWriter writer = writer(DataSize.ofMegabytes(10), Duration.ofHours(1), 0);

        writer.imageBuild(dockerfile, "==> Building image paas-app/shop:1");
        for (String line : List.of("Step 1/3 : FROM paas/node:18", "Step 2/3 : RUN npm ci", "added 3 packages",
                "Step 3/3 : RUN npm run build", "Successfully built 0123456789ab")) {
            writer.accept(line);
        }
        writer.close();

        List<BuildLogWriter.Pending> all = batches.stream().flatMap(List::stream).toList();
        assertThat(all).extracting(line -> line.phase() + (line.marker() ? "*" : "") + " " + line.text())
                .containsExactly(
                        "BUILD* ==> Building image paas-app/shop:1",
                        "BUILD Step 1/3 : FROM paas/node:18",
                        "INSTALL* ==> Installing dependencies",
                        "INSTALL Step 2/3 : RUN npm ci",
                        "INSTALL added 3 packages",
                        "BUILD* ==> Building the app",
                        "BUILD Step 3/3 : RUN npm run build",
                        "BUILD Successfully built 0123456789ab");
    }

    @Test
    void describesTheCap() {
        assertThat(BuildLogWriter.describe(DataSize.ofMegabytes(10).toBytes())).isEqualTo("10 MB");
        assertThat(BuildLogWriter.describe(65_536)).isEqualTo("64 KB");
        assertThat(BuildLogWriter.describe(20_000)).isEqualTo("20000 bytes");
    }

    private BuildLogWriter writer(DataSize maxBytes, Duration flushInterval, long storedBytes) {
        BuildLogProperties properties = new BuildLogProperties(maxBytes, flushInterval, 200, Duration.ofSeconds(1),
                Duration.ofSeconds(15), 10, Duration.ofHours(1));
        return new BuildLogWriter(BUILD, (build, lines) -> batches.add(lines), signals::incrementAndGet, scheduler,
                CLOCK, properties, storedBytes);
    }

    private List<String> lines() {
        return batches.stream().flatMap(List::stream).map(BuildLogWriter.Pending::text).toList();
    }
}
