package dev.paas.build.stack;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distribution names a Python project declares (requirements.txt, pyproject.toml's {@code [project]}
 * dependencies and {@code [tool.poetry.dependencies]}), normalised as PEP 503 does, so the planner can tell whether
 * a framework or a production server is installed.
 */
final class PythonDependencies {

    private static final Pattern REQUIREMENT = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(\\[([^\\]]*)])?");
    private static final Pattern QUOTED = Pattern.compile("[\"']([^\"']+)[\"']");
    private static final Pattern POETRY_KEY = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s*=");

    private final Set<String> names;

    private PythonDependencies(Set<String> names) {
        this.names = Set.copyOf(names);
    }

    static PythonDependencies of(SourceTree tree) {
        Set<String> names = new LinkedHashSet<>();
        tree.read("requirements.txt").ifPresent(requirements -> requirements.lines()
                .map(line -> line.replaceFirst("#.*", ""))
                .filter(line -> !line.strip().startsWith("-"))
                .forEach(line -> add(line, names)));
        tree.read("pyproject.toml").ifPresent(pyproject -> {
            projectDependencies(pyproject).forEach(requirement -> add(requirement, names));
            poetryDependencies(pyproject, names);
        });
        names.remove("python");
        return new PythonDependencies(names);
    }

    boolean has(String name) {
        return names.contains(normalise(name));
    }

    boolean isEmpty() {
        return names.isEmpty();
    }

    private static void add(String requirement, Set<String> names) {
        Matcher matcher = REQUIREMENT.matcher(requirement);
        if (!matcher.find()) {
            return;
        }
        String name = normalise(matcher.group(1));
        names.add(name);
        // FastAPI's "standard" extra brings uvicorn along.
        if (name.equals("fastapi") && matcher.group(3) != null && matcher.group(3).contains("standard")) {
            names.add("uvicorn");
        }
    }

    private static Set<String> projectDependencies(String pyproject) {
        Set<String> requirements = new LinkedHashSet<>();
        String project = table(pyproject, "project");
        Matcher start = Pattern.compile("(?m)^\\s*dependencies\\s*=\\s*\\[").matcher(project);
        if (start.find()) {
            int end = project.indexOf(']', start.end());
            String list = project.substring(start.end(), end < 0 ? project.length() : end);
            Matcher quoted = QUOTED.matcher(list);
            while (quoted.find()) {
                requirements.add(quoted.group(1));
            }
        }
        return requirements;
    }

    private static void poetryDependencies(String pyproject, Set<String> names) {
        table(pyproject, "tool.poetry.dependencies").lines().forEach(line -> {
            Matcher key = POETRY_KEY.matcher(line);
            if (key.find()) {
                String name = normalise(key.group(1));
                names.add(name);
                if (name.equals("fastapi") && line.contains("standard")) {
                    names.add("uvicorn");
                }
            }
        });
    }

    /** The body of a TOML table, up to the next table header; empty when absent. */
    static String table(String toml, String name) {
        Matcher header = Pattern.compile("(?m)^\\s*\\[" + Pattern.quote(name) + "]\\s*$").matcher(toml);
        if (!header.find()) {
            return "";
        }
        Matcher next = Pattern.compile("(?m)^\\s*\\[").matcher(toml);
        int end = next.find(header.end()) ? next.start() : toml.length();
        return toml.substring(header.end(), end);
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[._-]+", "-");
    }
}
