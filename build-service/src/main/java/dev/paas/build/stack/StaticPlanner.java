package dev.paas.build.stack;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A plain static site: {@code index.html} in the root directory, served as is by nginx (non-root, port 8080). Last in
 * the precedence: any other stack's marker wins. Its template fetches nothing, so it never receives the extra CA file,
 * which would otherwise be published with the site.
 */
public final class StaticPlanner implements StackPlanner {

    static final String TEMPLATE = "static.Dockerfile";
    static final int PORT = 8080;

    @Override
    public List<String> templates() {
        return List.of(TEMPLATE);
    }

    @Override
    public Optional<BuildPlan> plan(SourceTree tree, BuildOverrides overrides, RuntimeVersions runtimes) {
        if (!tree.isFile("index.html")) {
            return Optional.empty();
        }
        RuntimeChoice nginx = runtimes.choose("static", Optional.empty(), "");
        int port = overrides.port() != null ? overrides.port() : PORT;
        return Optional.of(new BuildPlan("static", TEMPLATE,
                Map.of("BUILD_IMAGE", nginx.image().buildImage(), "RUN_IMAGE", nginx.image().runImage(),
                        "PORT", Integer.toString(port)),
                OptionalInt.of(port),
                List.of("detected a static site (index.html): served as is by nginx on " + nginx.image().runImage()
                        + (overrides.port() != null ? ", port " + port + " (override)" : "")),
                List.of(), Optional.empty()));
    }
}
