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
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Turns a checked-out repository into a build context. Precedence: the repository's own Dockerfile (the
 * {@code dockerfilePath} override, else {@code Dockerfile} in the root directory), then the planners in their order.
 * A generated Dockerfile is rendered from the plan's template, with the extra CA bundle where the template asks for
 * it; {@code .git} and the plan's ignores are kept out of the context through {@code .dockerignore}. Everything is
 * checked before the first file is written: a rejected override or repository leaves the checkout untouched.
 */
public final class BuildContexts {

    static final String DOCKERIGNORE = ".dockerignore";
    static final String DOCKERFILE = "Dockerfile";
    static final String LOG_PREFIX = "Detect: ";
    static final String LOOKED_FOR = "a Dockerfile, package.json, requirements.txt or pyproject.toml, go.mod,"
            + " pom.xml or build.gradle, composer.json or index.php, or index.html";

    private final List<StackPlanner> planners;
    private final RuntimeVersions runtimes;
    private final DockerfileTemplates templates;
    private final Optional<Path> extraCaBundle;

    public BuildContexts(List<StackPlanner> planners, RuntimeVersions runtimes, DockerfileTemplates templates,
            Optional<Path> extraCaBundle) {
        this.planners = List.copyOf(planners);
        this.runtimes = runtimes;
        this.templates = templates;
        this.extraCaBundle = extraCaBundle;
    }

    /** Detects how to build the repository checked out in {@code checkout} and prepares it in place. */
    public PreparedContext prepare(Path checkout, BuildOverrides overrides, Consumer<String> log) {
        overrides.requireValid();
        Path directory = rootDirectory(checkout, overrides);
        ContextLinks.requireInside(checkout);
        BuildPlan plan = ownDockerfile(directory, overrides).orElseGet(() -> detect(directory, overrides));
        plan.explanation().forEach(line -> log.accept(LOG_PREFIX + line));
        if (plan.template() == null) {
            Path dockerfile = directory.resolve(plan.dockerfile().orElseThrow());
            ensureIgnored(directory, List.of(".git"));
            return new PreparedContext(directory, dockerfile, plan, plan.port());
        }
        boolean withExtraCa = extraCaBundle.isPresent() && templates.usesExtraCa(plan.template());
        String rendered = templates.render(plan.template(), plan.variables(), withExtraCa);
        if (withExtraCa) {
            requireReadable(extraCaBundle.get());
        }
        // All checks passed: from here on the context is written.
        if (withExtraCa) {
            copyExtraCa(directory, extraCaBundle.get());
            log.accept("Adding the extra CA bundle " + extraCaBundle.get() + " to the image's trusted certificates");
        }
        Path dockerfile = directory.resolve(DOCKERFILE);
        write(dockerfile, rendered);
        // The Dockerfile itself cannot be ignored: docker-java refuses a context that excludes it.
        List<String> ignored = new ArrayList<>(List.of(".git"));
        ignored.addAll(plan.ignore());
        ensureIgnored(directory, ignored);
        if (withExtraCa) {
            // Appended last so it wins over a broader pattern of the user's, such as ".*".
            append(directory.resolve(DOCKERIGNORE), List.of("!" + DockerfileTemplates.EXTRA_CA_FILE));
        }
        return new PreparedContext(directory, dockerfile, plan, plan.port());
    }

    private static Path rootDirectory(Path checkout, BuildOverrides overrides) {
        String root = overrides.normalisedRootDirectory();
        if (root.isEmpty()) {
            return checkout;
        }
        Path directory = checkout.resolve(root).normalize();
        if (!Files.isDirectory(directory)) {
            throw new BuildFailure("the root directory '" + root + "' does not exist in the repository");
        }
        if (!realPath(directory).startsWith(realPath(checkout))) {
            throw new BuildFailure("the root directory '" + root + "' points outside the repository");
        }
        return directory;
    }

    private static Optional<BuildPlan> ownDockerfile(Path directory, BuildOverrides overrides) {
        String configured = overrides.normalisedDockerfilePath();
        String relative = configured == null ? DOCKERFILE : configured;
        Path dockerfile = directory.resolve(relative).normalize();
        if (!Files.exists(dockerfile, LinkOption.NOFOLLOW_LINKS)) {
            if (configured != null) {
                throw new BuildFailure("the Dockerfile path '" + configured + "' does not exist"
                        + inRoot(overrides));
            }
            return Optional.empty();
        }
        if (!dockerfile.startsWith(directory) || !realPath(dockerfile).startsWith(realPath(directory))) {
            throw new BuildFailure("the Dockerfile path '" + relative + "' points outside the root directory"
                    + " (the build context)");
        }
        if (!Files.isRegularFile(dockerfile)) {
            if (configured != null) {
                throw new BuildFailure("the Dockerfile path '" + configured + "' is not a file" + inRoot(overrides));
            }
            return Optional.empty();
        }
        OptionalInt exposed = DockerfilePorts.firstExposed(read(dockerfile));
        OptionalInt port = overrides.port() != null ? OptionalInt.of(overrides.port()) : exposed;
        String portNote = overrides.port() != null ? "port " + overrides.port() + " (override)"
                : exposed.isPresent() ? "EXPOSE " + exposed.getAsInt() : "no literal EXPOSE";
        return Optional.of(new BuildPlan("dockerfile", null, java.util.Map.of(), port,
                List.of("using the repository's own " + relative + " (" + portNote + "); detection skipped"),
                List.of(), Optional.of(relative)));
    }

    private BuildPlan detect(Path directory, BuildOverrides overrides) {
        SourceTree tree = new SourceTree(directory);
        for (StackPlanner planner : planners) {
            Optional<BuildPlan> plan = planner.plan(tree, overrides, runtimes);
            if (plan.isPresent()) {
                return plan.get();
            }
        }
        throw new BuildFailure("no supported stack detected: looked for " + LOOKED_FOR + " in "
                + (overrides.normalisedRootDirectory().isEmpty() ? "the repository root"
                        : "the root directory '" + overrides.normalisedRootDirectory() + "'"));
    }

    private static String inRoot(BuildOverrides overrides) {
        String root = overrides.normalisedRootDirectory();
        return root.isEmpty() ? " in the repository" : " in the root directory '" + root + "'";
    }

    private static void requireReadable(Path bundle) {
        if (!Files.isReadable(bundle)) {
            throw new BuildFailure("the extra CA bundle " + bundle
                    + " (paas.build.extra-ca-file) does not exist or cannot be read");
        }
    }

    private static void copyExtraCa(Path directory, Path bundle) {
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
        append(dockerignore, entries.stream().distinct().filter(entry -> !present.contains(entry)).toList());
    }

    private static void append(Path file, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        String existing = Files.exists(file) ? read(file) : "";
        String separator = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
        write(file, existing + separator + String.join("\n", lines) + "\n");
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new BuildFailure("cannot resolve " + path.getFileName() + " in the repository: " + e.getMessage(),
                    e);
        }
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
