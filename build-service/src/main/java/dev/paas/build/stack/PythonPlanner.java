package dev.paas.build.stack;

import dev.paas.build.BuildFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Python: requirements.txt, pyproject.toml (pip, Poetry's poetry.lock, uv's uv.lock) or a lone standard-library
 * {@code app.py|main.py|server.py|wsgi.py}. Dependencies go into a virtual environment in the build stage, copied into
 * the final image; the version comes from {@code .python-version}, {@code runtime.txt} or {@code requires-python}.
 */
public final class PythonPlanner implements StackPlanner {

    static final String STACK = "python";
    static final String TEMPLATE = "python.Dockerfile";
    static final int DEFAULT_PORT = 8000;
    /** A lone .py file does not make a repository Python when another stack's manifest is there. */
    private static final List<String> OTHER_MANIFESTS = List.of("package.json", "go.mod", "pom.xml", "build.gradle",
            "build.gradle.kts", "composer.json", "index.php");

    @Override
    public List<String> templates() {
        return List.of(TEMPLATE);
    }

    @Override
    public Optional<BuildPlan> plan(SourceTree tree, BuildOverrides overrides, RuntimeVersions runtimes) {
        boolean manifest = tree.isFile("requirements.txt") || tree.isFile("pyproject.toml");
        if (!manifest) {
            if (tree.isFile("Pipfile")) {
                throw new BuildFailure("Pipfile (pipenv) is not supported: add a requirements.txt"
                        + " (pipenv requirements > requirements.txt) or a pyproject.toml");
            }
            boolean loneScript = PythonStart.entryFile(tree).isPresent() || tree.isFile("manage.py");
            if (!loneScript || OTHER_MANIFESTS.stream().anyMatch(tree::isFile)) {
                return Optional.empty();
            }
        }
        PythonInstall install = PythonInstall.of(tree).withOverrides(overrides);
        Optional<PythonVersion> version = PythonVersion.of(tree);
        RuntimeChoice runtime = runtimes.choose(STACK, version.map(PythonVersion::constraint),
                version.map(PythonVersion::source)
                        .orElse("Python version in .python-version, runtime.txt or pyproject.toml"));
        List<String> explanation = new ArrayList<>();
        explanation.add("detected Python " + runtime.image().version() + " (" + install.description() + ")");
        explanation.add(runtime.reason());
        List<String> start = start(tree, overrides, explanation);
        int port = StartCommands.port(overrides, DEFAULT_PORT);

        Map<String, String> variables = PlanVariables.common(runtime, port, start);
        variables.put("DEPENDENCY_COPY", String.join("\n", install.dependencyCopy()));
        variables.put("INSTALL_COMMAND", install.installCommand());
        variables.put("BUILD_COMMAND", install.buildCommand());
        variables.put("EXTRA_CA_FILE", DockerfileTemplates.EXTRA_CA_FILE);
        return Optional.of(new BuildPlan(STACK, TEMPLATE, variables, OptionalInt.of(port), explanation,
                List.of("__pycache__", "*.pyc", ".venv", "venv", ".pytest_cache", ".mypy_cache"), Optional.empty()));
    }

    private static List<String> start(SourceTree tree, BuildOverrides overrides, List<String> explanation) {
        Optional<StartCommands.Given> given = StartCommands.given(tree, overrides);
        if (given.isPresent()) {
            explanation.add(given.get().explanation());
            return given.get().shellForm();
        }
        PythonStart detected = PythonStart.detect(tree, PythonDependencies.of(tree));
        explanation.add(detected.explanation());
        return detected.command();
    }
}
