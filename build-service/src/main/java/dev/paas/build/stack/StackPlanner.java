package dev.paas.build.stack;

import java.util.List;
import java.util.Optional;

/** One stack's detection. Planners are Spring-free classes; {@code StackConfiguration} lists them in order. */
public interface StackPlanner {

    /**
     * Empty when the repository is not this stack. Throws {@link dev.paas.build.BuildFailure} for a repository that
     * is this stack but cannot be built (a {@code yarn.lock} with a {@code packageManager} naming pnpm, ...).
     */
    Optional<BuildPlan> plan(SourceTree tree, BuildOverrides overrides, RuntimeVersions runtimes);

    /** The template resources this planner may choose, checked at start-up. */
    default List<String> templates() {
        return List.of();
    }
}
