package dev.paas.build.stack;

import dev.paas.build.BuildFailure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go: {@code go.mod}. A static binary ({@code CGO_ENABLED=0 -trimpath -ldflags "-s -w"}) of the main package at the
 * root or of the single {@code cmd/<name>}, on {@code scratch} with the CA certificates; {@code vendor/} builds with
 * {@code -mod=vendor} and needs no module proxy. The {@code go} line of go.mod picks the version.
 */
public final class GoPlanner implements StackPlanner {

    static final String STACK = "go";
    static final String TEMPLATE = "go.Dockerfile";
    static final int DEFAULT_PORT = 8080;
    private static final Pattern MODULE = Pattern.compile("(?m)^\\s*module\\s+\"?([^\\s\"]+)\"?");
    private static final Pattern GO_LINE = Pattern.compile("(?m)^\\s*go\\s+(\\d+\\.\\d+(?:\\.\\d+)?)\\s*$");
    private static final Pattern PACKAGE_MAIN = Pattern.compile("(?m)^\\s*package\\s+main\\b");
    /** The final image has no shell: a start command must be a plain program with arguments. */
    private static final Pattern SHELL_SYNTAX = Pattern.compile("[$|&;<>()'\"`\\\\*?~]");

    @Override
    public List<String> templates() {
        return List.of(TEMPLATE);
    }

    @Override
    public Optional<BuildPlan> plan(SourceTree tree, BuildOverrides overrides, RuntimeVersions runtimes) {
        Optional<String> goMod = tree.read("go.mod");
        if (goMod.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> goLine = first(GO_LINE, goMod.get());
        RuntimeChoice runtime = runtimes.chooseAtLeast(STACK, goLine,
                goLine.isPresent() ? "go.mod's go line" : "go line in go.mod");
        boolean vendored = tree.isDirectory("vendor");
        boolean customBuild = StartCommands.given(overrides.buildCommand());
        String mainPackage = customBuild ? "." : mainPackage(tree);
        String binary = binaryName(mainPackage, first(MODULE, goMod.get()));

        List<String> explanation = new ArrayList<>();
        explanation.add("detected Go " + runtime.image().version() + " (go.mod"
                + (vendored ? ", vendor/ with -mod=vendor" : ", go mod download") + ")");
        explanation.add(runtime.reason());
        String build = "go build -trimpath -ldflags \"-s -w\" -o /out/" + binary + " " + mainPackage;
        if (customBuild) {
            build = overrides.buildCommand().strip();
            explanation.add("building with the project's build command, which must write /out/" + binary);
        } else {
            explanation.add("building a static binary of " + mainPackage);
        }
        List<String> start = start(tree, overrides, binary, explanation);
        int port = StartCommands.port(overrides, DEFAULT_PORT);

        Map<String, String> variables = PlanVariables.common(runtime, port, start);
        variables.put("GOFLAGS", vendored ? "-mod=vendor" : "-mod=readonly");
        variables.put("INSTALL_COMMAND", StartCommands.given(overrides.installCommand())
                ? overrides.installCommand().strip()
                : vendored ? "echo 'modules vendored in vendor/: nothing to download'" : "go mod download");
        variables.put("BUILD_COMMAND", build);
        variables.put("BINARY", binary);
        return Optional.of(new BuildPlan(STACK, TEMPLATE, variables, OptionalInt.of(port), explanation, List.of(),
                Optional.empty()));
    }

    private static String mainPackage(SourceTree tree) {
        if (hasMain(tree, "")) {
            return ".";
        }
        List<String> commands = tree.list("cmd").stream().filter(name -> hasMain(tree, "cmd/" + name)).toList();
        if (commands.size() == 1) {
            return "./cmd/" + commands.getFirst();
        }
        if (commands.isEmpty()) {
            throw new BuildFailure("go.mod found but no main package: expected package main at the repository root"
                    + " or in a single cmd/<name> directory");
        }
        throw new BuildFailure("go.mod found with several main packages (" + String.join(", ", commands.stream()
                .map(name -> "cmd/" + name).toList()) + "): set the project's build command to choose one");
    }

    private static boolean hasMain(SourceTree tree, String directory) {
        String prefix = directory.isEmpty() ? "" : directory + "/";
        return tree.list(directory).stream()
                .filter(name -> name.endsWith(".go") && !name.endsWith("_test.go"))
                .anyMatch(name -> tree.read(prefix + name).filter(source -> PACKAGE_MAIN.matcher(source).find())
                        .isPresent());
    }

    private static String binaryName(String mainPackage, Optional<String> module) {
        String name = mainPackage.startsWith("./cmd/") ? mainPackage.substring("./cmd/".length())
                : module.map(path -> path.substring(path.lastIndexOf('/') + 1)).orElse("app");
        name = name.replaceAll("[^A-Za-z0-9._-]", "");
        return name.isEmpty() || name.startsWith(".") ? "app" : name;
    }

    private static List<String> start(SourceTree tree, BuildOverrides overrides, String binary,
            List<String> explanation) {
        Optional<StartCommands.Given> given = StartCommands.given(tree, overrides);
        if (given.isEmpty()) {
            explanation.add("starting with /usr/local/bin/" + binary);
            return List.of("/usr/local/bin/" + binary);
        }
        String command = given.get().command();
        if (SHELL_SYNTAX.matcher(command).find()) {
            throw new BuildFailure("the start command '" + command + "' (" + given.get().source() + ") uses shell"
                    + " syntax, but a Go app runs on an image without a shell: use a plain program and arguments"
                    + " (the binary is /usr/local/bin/" + binary + ", and PORT is in its environment)");
        }
        List<String> words = new ArrayList<>(Arrays.asList(command.split("\\s+")));
        String program = words.getFirst();
        if (program.substring(program.lastIndexOf('/') + 1).equals(binary)) {
            words.set(0, "/usr/local/bin/" + binary);
        }
        explanation.add("starting with " + String.join(" ", words) + " (" + given.get().source() + ")");
        return words;
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
