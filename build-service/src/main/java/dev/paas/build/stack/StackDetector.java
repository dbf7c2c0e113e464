package dev.paas.build.stack;

import dev.paas.build.BuildFailure;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the stack from the files at the repository root: a Dockerfile always wins, then the runtime catalog in its
 * order (by default {@code package.json} means node, {@code index.html} means static).
 */
public final class StackDetector {

    static final String DOCKERFILE = "Dockerfile";

    private final RuntimeCatalog catalog;

    public StackDetector(RuntimeCatalog catalog) {
        this.catalog = catalog;
    }

    /** The stack for these root file names, or empty when nothing matches. */
    public Optional<Stack> detect(Set<String> rootFiles) {
        if (rootFiles.contains(DOCKERFILE)) {
            return Optional.of(new Stack.OwnDockerfile());
        }
        return catalog.runtimes().stream()
                .filter(runtime -> runtime.markers().stream().anyMatch(rootFiles::contains))
                .findFirst()
                .map(Stack.FromTemplate::new);
    }

    /** The stack for these root file names; fails the build with the list of what is supported otherwise. */
    public Stack require(Set<String> rootFiles) {
        return detect(rootFiles).orElseThrow(() -> new BuildFailure(
                "no supported stack detected: expected " + expectedFiles() + " at the repository root"));
    }

    private String expectedFiles() {
        var names = new ArrayList<String>();
        names.add(DOCKERFILE);
        catalog.runtimes().forEach(runtime -> names.addAll(runtime.markers()));
        if (names.size() == 1) {
            return "a " + names.getFirst();
        }
        return "a " + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }
}
