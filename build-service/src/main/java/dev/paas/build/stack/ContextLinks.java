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
 * Refuses repositories whose symbolic links lead outside the checkout. The Docker client follows links to directories
 * when it packs the build context, so a link such as {@code data -> /root} would copy the build host's files into
 * the user's image.
 */
final class ContextLinks {

    private ContextLinks() {
    }

    static void requireInside(Path directory) {
        Path root = realPath(directory);
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
}
