package dev.paas.build.builds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Temporary directories builds clone into, under {@code paas.build.work-dir}; always deleted afterwards. */
final class BuildWorkspace {

    private static final Logger log = LoggerFactory.getLogger(BuildWorkspace.class);

    private final Path root;

    BuildWorkspace(Path root) {
        this.root = root;
    }

    Path create(UUID buildId) {
        try {
            Files.createDirectories(root);
            return Files.createTempDirectory(root, buildId + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory under " + root, e);
        }
    }

    /** Deletes a work directory and everything in it, without following links out of it. */
    void delete(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException error) throws IOException {
                    if (error != null) {
                        throw error;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log.warn("could not delete the work directory {}: {}", directory, e.getMessage());
        }
    }

    /** Deletes the work directories of a build, should any be left (a crash while it ran). */
    void deleteOf(UUID buildId) {
        if (!Files.isDirectory(root)) {
            return;
        }
        String prefix = buildId + "-";
        try (Stream<Path> entries = Files.list(root)) {
            entries.filter(entry -> entry.getFileName().toString().startsWith(prefix)).forEach(this::delete);
        } catch (IOException e) {
            log.warn("could not look for work directories of build {} under {}: {}", buildId, root, e.getMessage());
        }
    }

    /** Deletes directories a crashed process left behind: older than any build can run, so nobody uses them. */
    void deleteOlderThan(Duration age) {
        if (!Files.isDirectory(root)) {
            return;
        }
        FileTime limit = FileTime.from(Instant.now().minus(age));
        try (Stream<Path> entries = Files.list(root)) {
            entries.filter(entry -> lastModified(entry).compareTo(limit) < 0).forEach(entry -> {
                log.info("deleting the stale work directory {}", entry);
                delete(entry);
            });
        } catch (IOException e) {
            log.warn("could not clean up {}: {}", root, e.getMessage());
        }
    }

    private static FileTime lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return FileTime.from(Instant.now());
        }
    }
}
