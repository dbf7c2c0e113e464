package dev.paas.build.stack;

import dev.paas.build.BuildFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Refuses repositories whose symbolic links lead outside the checkout, and repositories too big to send to the
 * Docker engine as a build context: a single file over {@link #MAX_FILE_BYTES} or more than {@link #MAX_TOTAL_BYTES}
 * in all ({@code .git} not counted). The Docker client follows links to directories
 * when it packs the build context, so a link such as {@code data -> /root} would copy the build host's files into
 * the user's image.
 */
final class ContextLinks {

    /** The largest single file a build context may hold: 512 MiB. */
    static final long MAX_FILE_BYTES = 512L * 1024 * 1024;
    /** The most a build context may hold in all: 2 GiB. */
    static final long MAX_TOTAL_BYTES = 2L * 1024 * 1024 * 1024;

    private ContextLinks() {
    }

    static void requireInside(Path directory) {
        requireInside(directory, MAX_FILE_BYTES, MAX_TOTAL_BYTES);
    }

    static void requireInside(Path directory, long maxFileBytes, long maxTotalBytes) {
        Path root = realPath(directory);
        long[] total = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {

                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return dir.getFileName() != null && dir.getFileName().toString().equals(".git")
                            && dir.getParent().equals(root) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isSymbolicLink()) {
                        requireTargetInside(root, file);
                    } else if (attributes.isRegularFile()) {
                        if (attributes.size() > maxFileBytes) {
                            throw new BuildFailure("the repository contains a file too big to build: "
                                    + root.relativize(file) + " is " + mebibytes(attributes.size())
                                    + " MiB, the limit is " + mebibytes(maxFileBytes) + " MiB per file; keep such files"
                                    + " out of the repository (object storage, Git LFS)");
                        }
                        total[0] += attributes.size();
                        if (total[0] > maxTotalBytes) {
                            throw new BuildFailure("the repository is too big to build: more than "
                                    + mebibytes(maxTotalBytes) + " MiB of files (without .git)");
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot inspect the checkout in " + directory, e);
        }
    }

    private static void requireTargetInside(Path root, Path link) {
        Path target;
        try {
            target = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
            if (Files.exists(target)) {
                target = target.toRealPath();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the symbolic link " + link, e);
        }
        if (!target.startsWith(root)) {
            throw new BuildFailure("the repository contains a symbolic link that points outside it: "
                    + root.relativize(link) + " -> " + target);
        }
    }

    private static Path realPath(Path directory) {
        try {
            return directory.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + directory, e);
        }
    }

    private static long mebibytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}
