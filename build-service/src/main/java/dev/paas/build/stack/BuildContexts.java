package dev.paas.build.stack;

import dev.paas.build.BuildFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns a checked-out repository into a build context: detects the stack, writes the generated Dockerfile and the
 * extra CA bundle where the template asks for it, and keeps {@code .git} (and the runtime's ignores) out of the
 * context through {@code .dockerignore}.
 */
public final class BuildContexts {

    static final String DOCKERIGNORE = ".dockerignore";

    private final StackDetector detector;
    private final DockerfileTemplates templates;
    private final Optional<Path> extraCaBundle;

    public BuildContexts(StackDetector detector, DockerfileTemplates templates, Optional<Path> extraCaBundle) {
        this.detector = detector;
        this.templates = templates;
        this.extraCaBundle = extraCaBundle;
    }

    /** Detects the stack of the repository in {@code directory} and prepares it in place. */
    public PreparedContext prepare(Path directory, Consumer<String> log) {
        ContextLinks.requireInside(directory);
        Stack stack = detector.require(rootFiles(directory));
        return switch (stack) {
            case Stack.OwnDockerfile own -> prepareOwnDockerfile(directory, own, log);
            case Stack.FromTemplate generated -> prepareFromTemplate(directory, generated, log);
        };
    }

    private PreparedContext prepareOwnDockerfile(Path directory, Stack.OwnDockerfile stack, Consumer<String> log) {
        Path dockerfile = directory.resolve(StackDetector.DOCKERFILE);
        OptionalInt port = DockerfilePorts.firstExposed(read(dockerfile));
        log.accept("Detected stack: dockerfile (the repository's own Dockerfile"
                + (port.isPresent() ? ", EXPOSE " + port.getAsInt() : ", no literal EXPOSE") + ")");
        ensureIgnored(directory, List.of(".git"));
        return new PreparedContext(directory, dockerfile, stack, port);
    }

    private PreparedContext prepareFromTemplate(Path directory, Stack.FromTemplate stack, Consumer<String> log) {
        Runtime runtime = stack.runtime();
        log.accept("Detected stack: " + runtime.name() + " (found " + foundMarker(directory, runtime)
                + ", no Dockerfile); generating a Dockerfile from " + runtime.template() + " on " + runtime.image());
        boolean withExtraCa = extraCaBundle.isPresent() && templates.usesExtraCa(runtime);
        if (withExtraCa) {
            copyExtraCa(directory, extraCaBundle.get());
            log.accept("Adding the extra CA bundle " + extraCaBundle.get() + " to the image's trusted certificates");
        }
        Path dockerfile = directory.resolve(StackDetector.DOCKERFILE);
        List<String> start = NodeStartCommand.NPM_START;
        if (templates.usesStartCommand(runtime)) {
            start = NodeStartCommand.of(directory);
            log.accept("Start command: " + String.join(" ", start));
        }
        write(dockerfile, templates.render(runtime, withExtraCa, start));
        // The Dockerfile itself cannot be ignored: docker-java refuses a context that excludes it.
        List<String> ignored = new ArrayList<>(List.of(".git"));
        ignored.addAll(runtime.ignore());
        ensureIgnored(directory, ignored);
        if (withExtraCa) {
            // Appended last so it wins over a broader pattern of the user's, such as ".*".
            append(directory.resolve(DOCKERIGNORE), List.of("!" + DockerfileTemplates.EXTRA_CA_FILE));
        }
        return new PreparedContext(directory, dockerfile, stack, OptionalInt.of(runtime.port()));
    }

    private static Set<String> rootFiles(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                    .map(path -> path.getFileName().toString())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    private static String foundMarker(Path directory, Runtime runtime) {
        return runtime.markers().stream().filter(marker -> Files.isRegularFile(directory.resolve(marker)))
                .findFirst().orElse(runtime.markers().getFirst());
    }

    private static void copyExtraCa(Path directory, Path bundle) {
        if (!Files.isReadable(bundle)) {
            throw new BuildFailure("the extra CA bundle " + bundle
                    + " (paas.build.extra-ca-file) does not exist or cannot be read");
        }
        try {
            Files.copy(bundle, directory.resolve(DockerfileTemplates.EXTRA_CA_FILE),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + bundle + " into the build context", e);
        }
    }

    private static void ensureIgnored(Path directory, List<String> entries) {
        Path dockerignore = directory.resolve(DOCKERIGNORE);
        Set<String> present = Files.exists(dockerignore)
                ? read(dockerignore).lines().map(String::strip).collect(Collectors.toSet())
                : Set.of();
        append(dockerignore, entries.stream().filter(entry -> !present.contains(entry)).toList());
    }

    private static void append(Path file, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        String existing = Files.exists(file) ? read(file) : "";
        String separator = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
        write(file, existing + separator + String.join("\n", lines) + "\n");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BuildFailure("cannot read " + file.getFileName() + " from the repository: " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
