package dev.paas.build.stack;

import dev.paas.build.BuildFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Node repositories ({@code package.json}). The package manager comes from {@code packageManager} or the lockfile
 * ({@link NodePackageManager}), the Node version from {@code engines.node}, {@code .nvmrc} or {@code .node-version}.
 * Dependencies are installed in a layer keyed only by the manifest, the lockfile and the manager's settings files;
 * a {@code build} script runs; devDependencies are pruned from what runs. Serving, first match wins: the start
 * override, a Procfile {@code web:} line, Next.js (standalone output, else {@code next start}), a server's
 * {@code start} script (or {@code server.js}), and else, when there is a build step and no server to run (no start
 * script, or one that starts a development server such as {@code react-scripts start} or {@code vite}, or one that
 * runs the build script again with more arguments or with {@code --serve}/{@code --watch}, as hand-made bundler
 * set-ups do), the build output served by nginx as a single-page app.
 */
public final class NodePlanner implements StackPlanner {

    static final String SERVER_TEMPLATE = "node-server.Dockerfile";
    static final String STATIC_TEMPLATE = "node-static.Dockerfile";
    static final String NEXT_TEMPLATE = "node-next.Dockerfile";
    static final int DEFAULT_PORT = 3000;
    static final int STATIC_PORT = 8080;
    static final List<String> OUTPUT_DIRECTORIES = List.of("dist", "build", "out", "public");

    private static final Pattern DEV_SERVER = Pattern.compile(
            "(^|[\\s;&|(])(react-scripts\\s+start|vite(\\s+(dev|serve|preview)\\b.*)?$|vite\\s+--|webpack\\s+serve"
                    + "|webpack-dev-server|parcel(?!\\s+build)(\\s|$)|ng\\s+serve|vue-cli-service\\s+serve"
                    + "|astro\\s+(dev|preview)|gatsby\\s+develop|nuxt\\s+dev|next\\s+dev|svelte-kit\\s+dev"
                    + "|ember\\s+serve|snowpack\\s+dev|vite$)");
    /** Flags that make a bundler or a hand-made build script serve or watch instead of exiting (esbuild --serve). */
    private static final Pattern SERVE_FLAG = Pattern.compile("\\s--(serve|servedir|watch)(=|\\s|$)");
    private static final Pattern NEXT_STANDALONE = Pattern.compile("output\\s*:\\s*['\"`]standalone['\"`]");
    private static final List<String> NEXT_CONFIGS = List.of("next.config.js", "next.config.mjs", "next.config.cjs",
            "next.config.ts", "next.config.mts");
    private static final List<String> MANAGER_SETTINGS = List.of(".npmrc", ".yarnrc", ".yarnrc.yml",
            "pnpm-workspace.yaml", ".pnpmfile.cjs");

    @Override
    public List<String> templates() {
        return List.of(SERVER_TEMPLATE, STATIC_TEMPLATE, NEXT_TEMPLATE);
    }

    @Override
    public Optional<BuildPlan> plan(SourceTree tree, BuildOverrides overrides, RuntimeVersions runtimes) {
        if (!tree.isFile("package.json")) {
            return Optional.empty();
        }
        JsonNode manifest = tree.json("package.json").orElseThrow(() -> new BuildFailure(
                "package.json is not valid JSON (or is larger than 1 MiB): npm could not read it either"));
        Optional<String> startScript = script(manifest, "start");
        Optional<String> buildScript = script(manifest, "build");
        Optional<String> procfile = tree.procfileCommand("web");
        boolean next = dependsOn(manifest, "next");
        if (overrides.startCommand() == null && procfile.isEmpty() && !next && startScript.isEmpty()
                && !tree.isFile("server.js") && buildScript.isEmpty() && overrides.buildCommand() == null
                && tree.isFile("index.html")) {
            // Only tooling in package.json: a plain site, left to the static planner.
            return Optional.empty();
        }

        NodePackageManager manager = NodePackageManager.detect(tree, manifest);
        RuntimeChoice node = nodeVersion(tree, manifest, runtimes);
        List<String> explanation = new ArrayList<>();
        String install = overrides.installCommand() != null ? overrides.installCommand() : manager.install();
        explanation.add("detected Node " + node.image().version() + " (" + manager.source()
                + (manager.lockfile().isPresent() && !manager.source().equals(manager.lockfile().get())
                        ? ", " + manager.lockfile().get() : "")
                + ", " + (overrides.installCommand() != null ? "install command override: " : "") + install + ")");
        explanation.add("Node " + node.image().version() + ": " + node.reason());
        if (manager.lockfile().isEmpty() && overrides.installCommand() == null) {
            explanation.add("no lockfile: dependencies are resolved afresh on every install; commit a lockfile"
                    + " for reproducible builds");
        }
        List<String> ignoredLocks = NodePackageManager.ignoredLockfiles(tree, manager);
        if (!ignoredLocks.isEmpty()) {
            explanation.add("also found " + String.join(", ", ignoredLocks) + "; they are ignored in favour of "
                    + manager.lockfile().orElse(manager.name()));
        }

        Optional<String> build = Optional.ofNullable(overrides.buildCommand())
                .or(() -> buildScript.map(script -> manager.run("build")));
        if (overrides.buildCommand() != null) {
            explanation.add("build command override: " + overrides.buildCommand());
        } else if (buildScript.isPresent()) {
            explanation.add("build script found (" + manager.run("build") + ")");
        }

        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("BUILD_IMAGE", node.image().buildImage());
        variables.put("RUN_IMAGE", node.image().runImage());
        variables.put("SETUP_STEP", manager.setup().map(setup -> "RUN " + setup)
                .orElse("# npm comes with node"));
        variables.put("DEPENDENCY_COPY", dependencyCopy(tree, manifest, manager, explanation));
        variables.put("INSTALL_COMMAND", install);
        variables.put("BUILD_STEP", build.map(command -> "RUN " + command).orElse("# no build step"));
        variables.put("PRUNE_STEP", manager.prune().map(prune -> "RUN " + prune)
                .orElse("# devDependencies kept: " + manager.name() + " " + manager.major().orElse("")
                        + " has no prune command"));

        Optional<List<String>> explicitStart = Optional.ofNullable(overrides.startCommand())
                .map(NodeStartCommand::shell)
                .or(() -> procfile.map(NodeStartCommand::shell));
        if (explicitStart.isPresent()) {
            explanation.add(overrides.startCommand() != null ? "start command override: " + overrides.startCommand()
                    : "start command from the Procfile web: line: " + procfile.get());
            return Optional.of(server(variables, explicitStart.get(), overrides, explanation, SERVER_TEMPLATE));
        }
        if (next) {
            return Optional.of(nextJs(tree, variables, build, overrides, explanation));
        }
        boolean devServer = startScript.map(script -> isDevServer(script.strip(), buildScript)).orElse(false);
        if (!devServer) {
            Optional<List<String>> start = NodeStartCommand.of(startScript, tree.isFile("server.js"));
            if (start.isPresent()) {
                explanation.add("starting the server with " + String.join(" ", start.get())
                        + (startScript.isPresent() ? " (start script: " + startScript.get().strip() + ")"
                                : " (no start script, server.js found)"));
                return Optional.of(server(variables, start.get(), overrides, explanation, SERVER_TEMPLATE));
            }
        }
        if (build.isEmpty()) {
            throw new BuildFailure(devServer
                    ? "package.json's start script runs a development server (" + startScript.get().strip()
                            + ") and there is no build script to build the app for production: add a build script,"
                            + " a production start script, a Procfile web: line or a start command"
                    : "package.json has no start script, no build script and there is no server.js: nothing to run;"
                            + " add a start script, a Procfile web: line or a start command");
        }
        if (devServer) {
            explanation.add("the start script runs a development server (" + startScript.get().strip()
                    + "): not used");
        }
        return Optional.of(staticSite(manifest, variables, overrides, explanation, runtimes));
    }

    private static BuildPlan server(Map<String, String> variables, List<String> start, BuildOverrides overrides,
            List<String> explanation, String template) {
        int port = port(overrides, DEFAULT_PORT, explanation);
        variables.put("PORT", Integer.toString(port));
        variables.put("START_COMMAND", NodeStartCommand.asExecForm(start));
        return new BuildPlan("node", template, variables, OptionalInt.of(port), explanation, ignore(),
                Optional.empty());
    }

    private static BuildPlan nextJs(SourceTree tree, Map<String, String> variables, Optional<String> build,
            BuildOverrides overrides, List<String> explanation) {
        if (build.isEmpty()) {
            throw new BuildFailure("this Next.js app has no build script: add \"build\": \"next build\" to"
                    + " package.json's scripts (or set a build command); next start needs a production build");
        }
        boolean standalone = NEXT_CONFIGS.stream().map(tree::read).flatMap(Optional::stream)
                .anyMatch(config -> NEXT_STANDALONE.matcher(config).find());
        if (standalone) {
            explanation.add("Next.js with output: 'standalone': running node server.js from .next/standalone");
            return server(variables, List.of("node", "server.js"), overrides, explanation, NEXT_TEMPLATE);
        }
        explanation.add("Next.js: running next start after the build");
        return server(variables, List.of("node_modules/.bin/next", "start"), overrides, explanation,
                SERVER_TEMPLATE);
    }

    private static BuildPlan staticSite(JsonNode manifest, Map<String, String> variables, BuildOverrides overrides,
            List<String> explanation, RuntimeVersions runtimes) {
        List<String> candidates;
        String tool;
        if (dependsOn(manifest, "vite") || dependsOn(manifest, "astro")) {
            candidates = List.of("dist");
            tool = dependsOn(manifest, "astro") ? "astro" : "vite";
        } else if (dependsOn(manifest, "react-scripts")) {
            candidates = List.of("build");
            tool = "react-scripts";
        } else {
            candidates = OUTPUT_DIRECTORIES;
            tool = null;
        }
        RuntimeChoice nginx = runtimes.choose("static", Optional.empty(), "");
        variables.put("RUN_IMAGE", nginx.image().runImage());
        variables.put("OUTPUT_DIRS", String.join(" ", candidates));
        variables.put("OUTPUT_DIRS_TEXT", String.join(", ", candidates.stream().map(dir -> dir + "/").toList()));
        explanation.add(candidates.size() == 1
                ? "serving " + candidates.getFirst() + "/ as a static site (" + tool + "'s output), with fallback"
                        + " to /index.html"
                : "serving the first of " + variables.get("OUTPUT_DIRS_TEXT") + " that holds index.html after the"
                        + " build as a static site, with fallback to /index.html");
        explanation.add("static files served by nginx on " + nginx.image().runImage());
        int port = port(overrides, STATIC_PORT, explanation);
        variables.put("PORT", Integer.toString(port));
        variables.remove("PRUNE_STEP");
        return new BuildPlan("node", STATIC_TEMPLATE, variables, OptionalInt.of(port), explanation, ignore(),
                Optional.empty());
    }

    private static int port(BuildOverrides overrides, int fallback, List<String> explanation) {
        if (overrides.port() != null) {
            explanation.add("port " + overrides.port() + " (override)");
            return overrides.port();
        }
        return fallback;
    }

    private static RuntimeChoice nodeVersion(SourceTree tree, JsonNode manifest, RuntimeVersions runtimes) {
        String engines = manifest.path("engines").path("node").asString("").strip();
        if (!engines.isEmpty()) {
            return runtimes.choose("node", Optional.of(engines), "engines.node");
        }
        for (String file : List.of(".nvmrc", ".node-version")) {
            Optional<String> version = tree.read(file).flatMap(text -> text.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).findFirst());
            if (version.isPresent()) {
                return runtimes.choose("node", version, file);
            }
        }
        return runtimes.choose("node", Optional.empty(), "engines.node, .nvmrc or .node-version");
    }

    private static String dependencyCopy(SourceTree tree, JsonNode manifest, NodePackageManager manager,
            List<String> explanation) {
        if (manifest.has("workspaces") || tree.isFile("pnpm-workspace.yaml")) {
            explanation.add("workspaces: the whole repository is copied before the install, so any change"
                    + " reinstalls the dependencies");
            return "COPY . ./";
        }
        List<String> files = new ArrayList<>(List.of("package.json"));
        manager.lockfile().ifPresent(files::add);
        MANAGER_SETTINGS.stream().filter(tree::isFile).forEach(files::add);
        StringBuilder copy = new StringBuilder("COPY " + String.join(" ", files) + " ./");
        for (String directory : List.of(".yarn", "patches")) {
            if (tree.isDirectory(directory)) {
                copy.append("\nCOPY ").append(directory).append(" ./").append(directory);
            }
        }
        return copy.toString();
    }

    private static Optional<String> script(JsonNode manifest, String name) {
        JsonNode script = manifest.path("scripts").path(name);
        return script.isString() && !script.asString().isBlank() ? Optional.of(script.asString())
                : Optional.empty();
    }

    static boolean dependsOn(JsonNode manifest, String dependency) {
        return manifest.path("dependencies").has(dependency) || manifest.path("devDependencies").has(dependency);
    }

    private static List<String> ignore() {
        return List.of("node_modules", "npm-debug.log", ".next", ".npm");
    }

    /**
     * Whether a start script runs a development server: a known one, the build script again with more arguments
     * ({@code node scripts/build.js --serve} beside {@code node scripts/build.js}), or a serve/watch flag.
     */
    static boolean isDevServer(String startScript, Optional<String> buildScript) {
        if (DEV_SERVER.matcher(startScript).find() || SERVE_FLAG.matcher(startScript).find()) {
            return true;
        }
        return buildScript.map(String::strip).filter(build -> !build.isEmpty())
                .map(build -> startScript.startsWith(build + " "))
                .orElse(false);
    }
}
