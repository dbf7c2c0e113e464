package dev.paas.build.stack;

import dev.paas.build.BuildFailure;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java: Maven ({@code pom.xml}, with {@code ./mvnw} when it is there and executable) or Gradle
 * ({@code build.gradle[.kts]}, with {@code ./gradlew} when it is there) builds a runnable jar, run with
 * {@code java -jar} on the JRE image with container-aware memory. The dependencies are resolved from the build
 * descriptors alone, before the sources are copied.
 */
public final class JavaPlanner implements StackPlanner {

    static final String STACK = "java";
    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_START = "exec java -XX:MaxRAMPercentage=75 -Dserver.port=$PORT $JAVA_OPTS"
            + " -jar /app/app.jar";
    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");
    private static final Pattern PACKAGING = Pattern.compile("<packaging>\\s*(\\w+)\\s*</packaging>");
    private static final String INCOMPLETE = " || echo 'some dependencies could not be resolved ahead; the build"
            + " step resolves the rest'";

    @Override
    public List<String> templates() {
        return List.of("java-maven.Dockerfile", "java-gradle.Dockerfile");
    }

    @Override
    public Optional<BuildPlan> plan(SourceTree tree, BuildOverrides overrides, RuntimeVersions runtimes) {
        if (tree.isFile("pom.xml")) {
            return Optional.of(maven(tree, overrides, runtimes));
        }
        Optional<String> gradleFile = List.of("build.gradle.kts", "build.gradle").stream().filter(tree::isFile)
                .findFirst();
        return gradleFile.map(file -> gradle(tree, file, overrides, runtimes));
    }

    private static BuildPlan maven(SourceTree tree, BuildOverrides overrides, RuntimeVersions runtimes) {
        String pom = tree.read("pom.xml").orElseThrow(() -> new BuildFailure("pom.xml cannot be read (larger than"
                + " 1 MiB or not UTF-8)"));
        List<String> modules = all(MODULE, pom);
        String packaging = first(PACKAGING, pom).orElse("jar");
        if (packaging.equals("war") || packaging.equals("ear")) {
            throw new BuildFailure("pom.xml builds a " + packaging + ", which needs an application server: build a"
                    + " runnable jar (for example with the Spring Boot or the Maven Shade plugin)");
        }
        if (packaging.equals("pom") && modules.isEmpty()) {
            throw new BuildFailure("pom.xml has packaging pom and no modules: nothing runnable to build");
        }
        boolean wrapper = tree.isFile("mvnw") && Files.isExecutable(tree.root().resolve("mvnw"));
        String mvn = wrapper ? "./mvnw" : "mvn";
        List<String> explanation = new ArrayList<>();
        List<String> copy = new ArrayList<>(List.of("COPY pom.xml ./"));
        modules.stream().filter(module -> tree.isFile(module + "/pom.xml"))
                .forEach(module -> copy.add("COPY " + module + "/pom.xml " + module + "/"));
        if (tree.isDirectory(".mvn")) {
            copy.add("COPY .mvn/ .mvn/");
        }
        if (wrapper) {
            copy.add("COPY mvnw ./");
        }
        RuntimeChoice runtime = choose(runtimes, JavaVersion.ofPom(pom), "pom.xml");
        explanation.add("detected Java " + runtime.image().version() + " (pom.xml, " + (wrapper ? "./mvnw"
                : tree.isFile("mvnw") ? "mvn: mvnw is not executable" : "mvn") + ")");
        explanation.add(runtime.reason());
        return plan("java-maven.Dockerfile", tree, overrides, runtime, explanation, copy,
                mvn + " -B -ntp dependency:go-offline" + INCOMPLETE, mvn + " -B -ntp -DskipTests package",
                List.of("target"));
    }

    private static BuildPlan gradle(SourceTree tree, String buildFile, BuildOverrides overrides,
            RuntimeVersions runtimes) {
        String script = tree.read(buildFile).orElse("");
        boolean wrapper = tree.isFile("gradlew");
        List<String> copy = new ArrayList<>();
        copy.add("COPY " + String.join(" ", List.of(buildFile, "settings.gradle.kts", "settings.gradle",
                "gradle.properties", "gradlew").stream().filter(tree::isFile).toList()) + " ./");
        if (tree.isDirectory("gradle")) {
            copy.add("COPY gradle/ gradle/");
        }
        String gradle = wrapper ? "sh ./gradlew --no-daemon" : "gradle --no-daemon";
        String install = (wrapper ? "" : "command -v gradle >/dev/null || { echo 'the repository has no gradlew and"
                + " the build image has no gradle: add the Gradle wrapper (gradle wrapper)' >&2; exit 1; } && ")
                + gradle + " -q dependencies >/dev/null" + INCOMPLETE;
        boolean springBoot = script.contains("org.springframework.boot");
        RuntimeChoice runtime = choose(runtimes, JavaVersion.ofGradle(script, buildFile), buildFile);
        List<String> explanation = new ArrayList<>();
        explanation.add("detected Java " + runtime.image().version() + " (" + buildFile + ", "
                + (wrapper ? "./gradlew" : "gradle from the build image") + (springBoot ? ", bootJar" : "") + ")");
        explanation.add(runtime.reason());
        return plan("java-gradle.Dockerfile", tree, overrides, runtime, explanation, copy, install,
                gradle + (springBoot ? " bootJar" : " -x test build"), List.of("build", ".gradle"));
    }

    private static RuntimeChoice choose(RuntimeVersions runtimes, Optional<JavaVersion> version, String buildFile) {
        return runtimes.chooseAtLeast(STACK, version.map(JavaVersion::release),
                version.map(JavaVersion::source).orElse("Java release in " + buildFile));
    }

    private static BuildPlan plan(String template, SourceTree tree, BuildOverrides overrides, RuntimeChoice runtime,
            List<String> explanation, List<String> copy, String install, String build, List<String> ignore) {
        List<String> start = StartCommands.shell(DEFAULT_START);
        Optional<StartCommands.Given> given = StartCommands.given(tree, overrides);
        if (given.isPresent()) {
            start = given.get().shellForm();
            explanation.add(given.get().explanation());
        } else {
            explanation.add("running the built jar with java -jar (-XX:MaxRAMPercentage=75, JAVA_OPTS)");
        }
        int port = StartCommands.port(overrides, DEFAULT_PORT);
        Map<String, String> variables = PlanVariables.common(runtime, port, start);
        variables.put("DEPENDENCY_COPY", String.join("\n", copy));
        variables.put("INSTALL_COMMAND", StartCommands.given(overrides.installCommand())
                ? overrides.installCommand().strip() : install);
        variables.put("BUILD_COMMAND", StartCommands.given(overrides.buildCommand())
                ? overrides.buildCommand().strip() : build);
        return new BuildPlan(STACK, template, variables, OptionalInt.of(port), explanation, ignore, Optional.empty());
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text.replaceAll("(?s)<parent>.*?</parent>", ""));
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
