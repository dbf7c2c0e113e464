package dev.paas.build.limits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cgroup per build, handed to the engine as the build's {@code cgroupparent}, with a {@code pids.max} that bounds
 * every process of every step of that build, root or not (RLIMIT_NPROC would only bound non-root steps, and counts
 * per user across the host). Works with the engine's {@code cgroupfs} driver on cgroup v1 and v2; where the cgroup
 * file system is not writable the process limit is off and {@link #enforced()} says so.
 */
public final class BuildCgroups {

    private static final Logger log = LoggerFactory.getLogger(BuildCgroups.class);
    private static final Duration STALE = Duration.ofHours(1);

    private final Path root;
    private final String parent;
    private final int pids;
    private final boolean unified;
    private final boolean enforced;

    public BuildCgroups(LimitsProperties limits) {
        this.root = limits.cgroupRoot();
        this.parent = limits.cgroupParent();
        this.pids = limits.pids();
        this.unified = Files.exists(root.resolve("cgroup.controllers"));
        this.enforced = prepare();
        if (enforced) {
            removeStale();
        }
    }

    /** Whether builds get their process limit here. */
    public boolean enforced() {
        return enforced;
    }

    /** The process limit of one build. */
    public int pids() {
        return pids;
    }

    /** A new cgroup for one build; without enforcement one that sets nothing. */
    public BuildCgroup open() {
        if (!enforced) {
            return new BuildCgroup(null);
        }
        String name = UUID.randomUUID().toString();
        Path pidsDirectory = pidsHierarchy().resolve(parent).resolve(name);
        try {
            Files.createDirectory(pidsDirectory);
            Files.writeString(pidsDirectory.resolve("pids.max"), Integer.toString(pids));
            return new BuildCgroup(name);
        } catch (IOException e) {
            log.warn("could not create the build cgroup {}: {}; this build runs without a process limit",
                    pidsDirectory, e.toString());
            removeQuietly(pidsDirectory);
            return new BuildCgroup(null);
        }
    }

    private boolean prepare() {
        Path pidsRoot = pidsHierarchy();
        try {
            if (unified && !Files.readString(root.resolve("cgroup.controllers")).contains("pids")) {
                log.warn("cgroup v2 at {} offers no pids controller; builds run without a process limit", root);
                return false;
            }
            if (!Files.isDirectory(pidsRoot)) {
                log.warn("no pids cgroup controller at {}; builds run without a process limit", pidsRoot);
                return false;
            }
            Files.createDirectories(pidsRoot.resolve(parent));
            if (unified) {
                Files.writeString(root.resolve("cgroup.subtree_control"), "+pids");
                Files.writeString(root.resolve(parent).resolve("cgroup.subtree_control"), "+pids");
            }
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("cannot manage build cgroups under {} ({}); builds run without a process limit", pidsRoot,
                    e.toString());
            return false;
        }
    }

    private Path pidsHierarchy() {
        return unified ? root : root.resolve("pids");
    }

    /** Every hierarchy the engine creates the build's cgroup in: one on v2, one per controller on v1. */
    private List<Path> hierarchies() {
        if (unified) {
            return List.of(root);
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory).filter(path -> !Files.isSymbolicLink(path)).toList();
        } catch (IOException e) {
            return List.of(pidsHierarchy());
        }
    }

    /** Cgroups a crashed build-service left behind; one still in use cannot be removed, so trying is safe. */
    private void removeStale() {
        FileTime limit = FileTime.from(Instant.now().minus(STALE));
        for (Path hierarchy : hierarchies()) {
            Path builds = hierarchy.resolve(parent);
            if (!Files.isDirectory(builds)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(builds)) {
                entries.filter(Files::isDirectory).filter(entry -> modifiedBefore(entry, limit))
                        .forEach(BuildCgroups::removeQuietly);
            } catch (IOException e) {
                log.debug("could not list {}: {}", builds, e.toString());
            }
        }
    }

    private static boolean modifiedBefore(Path path, FileTime limit) {
        try {
            return Files.getLastModifiedTime(path).compareTo(limit) < 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean removeQuietly(Path directory) {
        try {
            Files.deleteIfExists(directory);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The cgroup of one build: its name for the engine, whether it hit its process limit, removal afterwards. */
    public final class BuildCgroup implements AutoCloseable {

        private final String name;

        private BuildCgroup(String name) {
            this.name = name;
        }

        /** The {@code cgroupparent} to build with, when the process limit is enforced. */
        public Optional<String> cgroupParent() {
            return Optional.ofNullable(name).map(n -> "/" + parent + "/" + n);
        }

        /**
         * Whether a process of the build was refused because the build ran {@link #pids()} already. The kernel counts
         * the refusal in the cgroup of the forking step (below this one), which goes with the step's container; the
         * peak of this one stays, so reaching the limit counts too.
         */
        public boolean limitHit() {
            if (name == null) {
                return false;
            }
            Path directory = pidsHierarchy().resolve(parent).resolve(name);
            try (Stream<Path> files = Files.walk(directory, 3)) {
                return files.anyMatch(file -> refusedForks(file) || reachedLimit(file, directory));
            } catch (IOException | UncheckedIOException e) {
                log.debug("could not read the pids events of build cgroup {}: {}", name, e.toString());
                return false;
            }
        }

        private boolean refusedForks(Path file) {
            return file.getFileName().toString().equals("pids.events") && read(file).lines()
                    .anyMatch(line -> line.startsWith("max ") && !line.substring(4).strip().equals("0"));
        }

        private boolean reachedLimit(Path file, Path directory) {
            if (!file.equals(directory.resolve("pids.peak"))) {
                return false;
            }
            String peak = read(file).strip();
            return peak.matches("\\d+") && Long.parseLong(peak) >= pids;
        }

        private static String read(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                return "";
            }
        }

        /**
         * Removes the build's cgroup from every hierarchy. The engine removes each step's own cgroup when it removes
         * the step container, which may lag behind the end of the build stream by a moment.
         */
        @Override
        public void close() {
            if (name == null) {
                return;
            }
            for (Path hierarchy : hierarchies()) {
                Path directory = hierarchy.resolve(parent).resolve(name);
                if (!Files.exists(directory)) {
                    continue;
                }
                boolean removed = false;
                for (int attempt = 0; attempt < 50 && !removed; attempt++) {
                    removed = removeQuietly(directory);
                    if (!removed) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                    }
                }
                if (!removed) {
                    log.warn("could not remove the build cgroup {}; it is removed at a later start", directory);
                }
            }
        }
    }
}
