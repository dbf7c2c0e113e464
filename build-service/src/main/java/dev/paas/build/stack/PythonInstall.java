package dev.paas.build.stack;

import java.util.List;
import java.util.Optional;

/**
 * How a Python project's dependencies get into the virtual environment: which files key the dependency layer, the
 * install command run on them alone, and the command run once the whole repository is copied.
 */
record PythonInstall(String description, List<String> dependencyCopy, String installCommand, String buildCommand) {

    static final String NO_BUILD = "echo 'no build step'";
    private static final List<String> WHEEL_DIRECTORIES = List.of("wheels", "vendor");
    private static final String PROJECT_REQUIREMENTS = "python -c \"import tomllib; print('\\n'.join(tomllib.load("
            + "open('pyproject.toml', 'rb')).get('project', {}).get('dependencies', [])))\" > /tmp/requirements.txt";
    private static final String TOOL_VENV = "python3 -m venv /opt/tools && /opt/tools/bin/pip install ";

    static PythonInstall of(SourceTree tree) {
        boolean pyproject = tree.isFile("pyproject.toml");
        Optional<String> wheels = WHEEL_DIRECTORIES.stream()
                .filter(directory -> tree.list(directory).stream().anyMatch(name -> name.endsWith(".whl")))
                .findFirst();
        String pip = wheels.map(directory -> "pip install --no-index --find-links=" + directory).orElse("pip install");
        List<String> wheelCopy = wheels.map(directory -> List.of("COPY " + directory + "/ ./" + directory + "/"))
                .orElse(List.of());
        if (pyproject && tree.isFile("poetry.lock")) {
            return new PythonInstall("pyproject.toml + poetry.lock, poetry install",
                    List.of("COPY pyproject.toml poetry.lock ./"),
                    // Poetry lives in its own environment and installs into the activated /opt/venv.
                    TOOL_VENV + "poetry && export REQUESTS_CA_BUNDLE=\"${SSL_CERT_FILE:-}\""
                            + " && /opt/tools/bin/poetry install --only main --no-root --no-interaction",
                    NO_BUILD);
        }
        if (pyproject && tree.isFile("uv.lock")) {
            String sync = "UV_PROJECT_ENVIRONMENT=/opt/venv UV_PYTHON_DOWNLOADS=never /opt/tools/bin/uv sync"
                    + " --frozen --no-dev";
            return new PythonInstall("pyproject.toml + uv.lock, uv sync", List.of("COPY pyproject.toml uv.lock ./"),
                    TOOL_VENV + "uv && " + sync + " --no-install-project", sync);
        }
        if (tree.isFile("requirements.txt")) {
            return new PythonInstall("requirements.txt" + wheels.map(directory -> ", wheels vendored in "
                    + directory + "/").orElse(""),
                    concat(List.of("COPY requirements.txt ./"), wheelCopy),
                    pip + " -r requirements.txt", NO_BUILD);
        }
        if (pyproject) {
            boolean buildable = tree.read("pyproject.toml").orElse("").contains("[build-system]");
            return new PythonInstall("pyproject.toml, pip", concat(List.of("COPY pyproject.toml ./"), wheelCopy),
                    PROJECT_REQUIREMENTS + " && " + pip + " -r /tmp/requirements.txt",
                    buildable ? "pip install --no-deps ." : NO_BUILD);
        }
        return new PythonInstall("no requirements, standard library only",
                List.of("# No requirements.txt or pyproject.toml: the app uses the standard library only."),
                "echo 'no dependencies to install'", NO_BUILD);
    }

    PythonInstall withOverrides(BuildOverrides overrides) {
        PythonInstall result = this;
        if (StartCommands.given(overrides.installCommand())) {
            // The command may read any file, so it runs on the whole repository (no dependency-only layer).
            result = new PythonInstall(description + ", the project's install command",
                    List.of("COPY . ./"), overrides.installCommand().strip(), buildCommand);
        }
        if (StartCommands.given(overrides.buildCommand())) {
            result = new PythonInstall(result.description, result.dependencyCopy, result.installCommand,
                    overrides.buildCommand().strip());
        }
        return result;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
