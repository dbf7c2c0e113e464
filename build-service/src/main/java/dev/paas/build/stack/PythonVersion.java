package dev.paas.build.stack;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a Python project states its version: {@code .python-version}, {@code runtime.txt} ({@code python-3.11.9}),
 * pyproject.toml's {@code requires-python} or Poetry's {@code python} dependency, in that order. PEP 440 specifiers are
 * turned into the catalog's constraint syntax.
 */
record PythonVersion(String constraint, String source) {

    private static final Pattern MINOR = Pattern.compile("(\\d+\\.\\d+)");
    private static final Pattern REQUIRES_PYTHON = Pattern.compile("(?m)^\\s*requires-python\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final Pattern POETRY_PYTHON = Pattern.compile("(?m)^\\s*python\\s*=\\s*[\"']([^\"']+)[\"']");

    static Optional<PythonVersion> of(SourceTree tree) {
        Optional<String> pinned = tree.read(".python-version").flatMap(PythonVersion::minor);
        if (pinned.isPresent()) {
            return Optional.of(new PythonVersion(pinned.get(), ".python-version"));
        }
        Optional<String> runtime = tree.read("runtime.txt").filter(text -> text.strip().startsWith("python-"))
                .flatMap(PythonVersion::minor);
        if (runtime.isPresent()) {
            return Optional.of(new PythonVersion(runtime.get(), "runtime.txt"));
        }
        Optional<String> pyproject = tree.read("pyproject.toml");
        Optional<String> requires = pyproject.flatMap(text -> first(REQUIRES_PYTHON, text));
        if (requires.isPresent()) {
            return Optional.of(new PythonVersion(fromPep440(requires.get()), "pyproject.toml requires-python"));
        }
        return pyproject.flatMap(text -> first(POETRY_PYTHON, PythonDependencies.table(text,
                "tool.poetry.dependencies"))).map(poetry -> new PythonVersion(poetry.strip(),
                "pyproject.toml [tool.poetry.dependencies] python"));
    }

    /** {@code ~=3.9} becomes {@code >=3.9}, {@code ==3.11.*} becomes {@code 3.11}; exclusions are dropped. */
    static String fromPep440(String specifiers) {
        StringBuilder constraint = new StringBuilder();
        for (String specifier : specifiers.split(",")) {
            String part = specifier.strip();
            if (part.isEmpty() || part.startsWith("!=")) {
                continue;
            }
            part = part.startsWith("~=") ? ">=" + part.substring(2)
                    : part.startsWith("===") ? part.substring(3)
                    : part.startsWith("==") ? part.substring(2).replaceFirst("\\.\\*$", "") : part;
            constraint.append(constraint.isEmpty() ? "" : " ").append(part.replace(" ", ""));
        }
        return constraint.toString();
    }

    private static Optional<String> minor(String text) {
        Matcher matcher = MINOR.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
