package dev.paas.build.builds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The phase of each step of a Dockerfile, from {@code # paas-phase: <install|build|image>} comment lines (see
 * {@link BuildLogs}). A marker applies to the instruction after it and to every later one up to the next marker;
 * steps before the first marker are {@code build}. Steps are counted as the classic builder numbers them: one per
 * instruction, continuation lines included, comments and blank lines not.
 */
final class DockerfilePhases {

    private static final Pattern MARKER = Pattern.compile("^#\\s*paas-phase:\\s*(\\S+)\\s*$");
    private static final List<BuildPhase> DOCKER_PHASES = List.of(BuildPhase.INSTALL, BuildPhase.BUILD,
            BuildPhase.IMAGE);

    /** Steps the builder may add after the Dockerfile's own: one LABEL per label of the build request. */
    static final int MAX_APPENDED_STEPS = 8;

    private final List<BuildPhase> steps;

    private DockerfilePhases(List<BuildPhase> steps) {
        this.steps = List.copyOf(steps);
    }

    /** No markers: every step is {@code build}. */
    static DockerfilePhases none() {
        return new DockerfilePhases(List.of());
    }

    /** The phases of the Dockerfile's steps; none when it cannot be read (the build itself will say why). */
    static DockerfilePhases of(Path dockerfile) {
        try {
            return parse(Files.readString(dockerfile, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return none();
        }
    }

    static DockerfilePhases parse(String dockerfile) {
        List<BuildPhase> steps = new ArrayList<>();
        BuildPhase current = BuildPhase.BUILD;
        boolean marked = false;
        boolean continued = false;
        for (String raw : dockerfile.split("\\R", -1)) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                var marker = MARKER.matcher(line);
                if (marker.matches() && !continued) {
                    var phase = BuildPhase.ofWireName(marker.group(1).toLowerCase(Locale.ROOT))
                            .filter(DOCKER_PHASES::contains);
                    if (phase.isPresent()) {
                        current = phase.get();
                        marked = true;
                    }
                }
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            if (!continued) {
                steps.add(current);
            }
            continued = line.endsWith("\\");
        }
        return marked ? new DockerfilePhases(steps) : none();
    }

    /** The phase of the first step, when the Dockerfile has markers. */
    Optional<BuildPhase> first() {
        return steps.isEmpty() ? Optional.empty() : Optional.of(steps.getFirst());
    }

    /**
     * The phase of step {@code step} of {@code total} as the builder printed them; empty when the Dockerfile had no
     * markers or counts a different number of steps (then the markers cannot be trusted). The builder appends one
     * {@code LABEL} step per label the build request sets (at most {@link #MAX_APPENDED_STEPS}): those belong to the
     * last phase.
     */
    Optional<BuildPhase> ofStep(int step, int total) {
        if (steps.isEmpty() || total < steps.size() || total > steps.size() + MAX_APPENDED_STEPS || step < 1
                || step > total) {
            return Optional.empty();
        }
        return Optional.of(steps.get(Math.min(step, steps.size()) - 1));
    }
}
