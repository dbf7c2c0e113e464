package dev.paas.build.stack;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java release a Maven or Gradle build targets: {@code maven.compiler.release}, {@code maven.compiler.source},
 * {@code java.version} or the compiler plugin's {@code <release>} in pom.xml (following one {@code ${property}}), or a
 * Gradle toolchain / {@code sourceCompatibility}. {@code 1.8} means 8.
 */
record JavaVersion(String release, String source) {

    private static final List<String> POM_ELEMENTS = List.of("maven.compiler.release", "maven.compiler.source",
            "java.version", "release", "source");
    private static final List<Pattern> GRADLE = List.of(
            Pattern.compile("JavaLanguageVersion\\.of\\(\\s*[\"']?(\\d+)"),
            Pattern.compile("jvmToolchain\\(\\s*(\\d+)"),
            Pattern.compile("sourceCompatibility\\s*=\\s*(?:JavaVersion\\.VERSION_)?[\"']?(1[._]8|\\d+)"));

    static Optional<JavaVersion> ofPom(String pom) {
        for (String element : POM_ELEMENTS) {
            Optional<String> value = element(pom, element).map(found -> resolve(pom, found));
            Optional<String> release = value.flatMap(JavaVersion::release);
            if (release.isPresent()) {
                return Optional.of(new JavaVersion(release.get(), "pom.xml <" + element + ">"));
            }
        }
        return Optional.empty();
    }

    static Optional<JavaVersion> ofGradle(String buildScript, String fileName) {
        for (Pattern pattern : GRADLE) {
            Matcher matcher = pattern.matcher(buildScript);
            if (matcher.find()) {
                return release(matcher.group(1)).map(release -> new JavaVersion(release, fileName + " "
                        + matcher.group().split("[^A-Za-z.]", 2)[0]));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> element(String pom, String name) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">\\s*([^<]+?)\\s*</" + Pattern.quote(name) + ">")
                .matcher(pom);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String resolve(String pom, String value) {
        Matcher property = Pattern.compile("^\\$\\{([^}]+)}$").matcher(value);
        return property.matches() ? element(pom, property.group(1)).orElse(value) : value;
    }

    private static Optional<String> release(String value) {
        String release = value.strip().replaceFirst("^1[._]", "");
        return release.matches("\\d+") ? Optional.of(release) : Optional.empty();
    }
}
