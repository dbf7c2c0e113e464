package dev.paas.build.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small repository trees and a catalog like application.yml's, for the planner and context tests. */
final class Fixtures {

    static final RuntimeImages CATALOG = new ConfiguredRuntimeImages(List.of(
            new RuntimeImage("node", "18", "node:18-bookworm-slim", "node:18-bookworm-slim"),
            new RuntimeImage("node", "20", "node:20-bookworm-slim", "node:20-bookworm-slim"),
            new RuntimeImage("node", "22", "node:22-bookworm-slim", "node:22-bookworm-slim"),
            new RuntimeImage("static", "1.27", "nginx:1.27-alpine", "nginx:1.27-alpine")));
    static final RuntimeVersions RUNTIMES = new RuntimeVersions(CATALOG);

    private Fixtures() {
    }

    /** Writes {@code path → content} pairs under {@code root}. */
    static Path write(Path root, String... pathsAndContents) {
        try {
            for (int i = 0; i < pathsAndContents.length; i += 2) {
                Path file = root.resolve(pathsAndContents[i]);
                Files.createDirectories(file.getParent());
                Files.writeString(file, pathsAndContents[i + 1]);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
