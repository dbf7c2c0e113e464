package dev.paas.build.stack;

import static dev.paas.build.stack.PlannerFixtures.RUNTIMES;
import static dev.paas.build.stack.PlannerFixtures.render;
import static dev.paas.build.stack.PlannerFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.build.BuildFailure;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaPlannerTest {

    @TempDir
    Path root;

    private final JavaPlanner planner = new JavaPlanner();

    @Test
    void buildsAMavenJarAfterResolvingDependenciesFromThePomAlone() {
        write(root, "pom.xml", "<project><properties><maven.compiler.release>17</maven.compiler.release>"
                + "</properties></project>");

        BuildPlan plan = plan(BuildOverrides.NONE);
        String dockerfile = render(plan);
        List<String> lines = PlannerFixtures.lines(dockerfile);

        assertThat(plan.stack()).isEqualTo("java");
        assertThat(plan.template()).isEqualTo("java-maven.Dockerfile");
        assertThat(plan.port()).hasValue(8080);
        assertThat(plan.variables()).containsEntry("BUILD_COMMAND", "mvn -B -ntp -DskipTests package")
                .containsEntry("BUILD_IMAGE", "maven:3.9-eclipse-temurin-21")
                .containsEntry("RUN_IMAGE", "eclipse-temurin:21-jre");
        assertThat(lines.indexOf("COPY pom.xml ./")).isPositive()
                .isLessThan(lines.indexOf("COPY . ."));
        assertThat(dockerfile).contains("dependency:go-offline", "COPY --from=build /out/app.jar /app/app.jar",
                "USER 10001", "ENV PORT=8080", "EXPOSE 8080", "original-*", "*-sources.jar");
        assertThat(plan.variables().get("START_COMMAND")).contains("-XX:MaxRAMPercentage=75", "$JAVA_OPTS",
                "-jar /app/app.jar");
        assertThat(plan.explanation()).contains("detected Java 21 (pom.xml, mvn)",
                "pom.xml <maven.compiler.release> \"17\"");
    }

    @Test
    void usesAnExecutableMavenWrapperAndCopiesModulePoms() throws Exception {
        write(root, "pom.xml", "<project><packaging>pom</packaging><modules><module>app</module></modules>"
                + "<properties><java.version>17</java.version></properties></project>");
        write(root, "app/pom.xml", "<project/>");
        write(root, ".mvn/wrapper/maven-wrapper.properties", "");
        write(root, "mvnw", "#!/bin/sh\n").toFile().setExecutable(true);

        BuildPlan plan = plan(BuildOverrides.NONE);

        assertThat(plan.variables().get("DEPENDENCY_COPY"))
                .isEqualTo("COPY pom.xml ./\nCOPY app/pom.xml app/\nCOPY .mvn/ .mvn/\nCOPY mvnw ./");
        assertThat(plan.variables().get("BUILD_COMMAND")).startsWith("./mvnw ");
    }

    @Test
    void aMavenWrapperThatIsNotExecutableFallsBackToMvn() {
        write(root, "pom.xml", "<project/>");
        write(root, "mvnw", "#!/bin/sh\n").toFile().setExecutable(false);

        BuildPlan plan = plan(BuildOverrides.NONE);

        assertThat(plan.variables().get("BUILD_COMMAND")).startsWith("mvn ");
        assertThat(plan.explanation().getFirst()).contains("mvn: mvnw is not executable");
        assertThat(plan.explanation().get(1)).isEqualTo("no Java release in pom.xml; the newest in the catalog");
    }

    @Test
    void followsAPropertyAndReadsOldStyleReleases() {
        write(root, "pom.xml", "<project><properties><jdk>1.8</jdk></properties><build><plugins><plugin>"
                + "<configuration><source>${jdk}</source></configuration></plugin></plugins></build></project>");

        assertThat(plan(BuildOverrides.NONE).explanation()).contains("pom.xml <source> \"8\"");
    }

    @Test
    void buildsASpringBootGradleProjectWithTheWrapperAndItsToolchain() {
        write(root, "build.gradle.kts", """
                plugins { id("org.springframework.boot") version "3.3.0" }
                java { toolchain { languageVersion = JavaLanguageVersion.of(17) } }
                """);
        write(root, "settings.gradle.kts", "");
        write(root, "gradlew", "#!/bin/sh\n");
        write(root, "gradle/wrapper/gradle-wrapper.properties", "");

        BuildPlan plan = plan(BuildOverrides.NONE);
        String dockerfile = render(plan);

        assertThat(plan.template()).isEqualTo("java-gradle.Dockerfile");
        assertThat(plan.variables()).containsEntry("BUILD_COMMAND", "sh ./gradlew --no-daemon bootJar")
                .containsEntry("DEPENDENCY_COPY",
                        "COPY build.gradle.kts settings.gradle.kts gradlew ./\nCOPY gradle/ gradle/");
        assertThat(dockerfile).contains("build/libs/*.jar", "*-plain.jar");
        assertThat(plan.explanation()).startsWith("detected Java 21 (build.gradle.kts, ./gradlew, bootJar)",
                "build.gradle.kts JavaLanguageVersion.of \"17\"");
        assertThat(plan.ignore()).contains("build", ".gradle");
    }

    @Test
    void aGradleProjectWithoutWrapperUsesTheImagesGradleAndSaysWhenThereIsNone() {
        write(root, "build.gradle", "plugins { id 'application' }\nsourceCompatibility = '17'\n");

        BuildPlan plan = plan(BuildOverrides.NONE);

        assertThat(plan.variables().get("BUILD_COMMAND")).isEqualTo("gradle --no-daemon -x test build");
        assertThat(plan.variables().get("INSTALL_COMMAND")).contains("command -v gradle",
                "the repository has no gradlew and the build image has no gradle");
        assertThat(plan.explanation()).contains("build.gradle sourceCompatibility \"17\"");
    }

    @Test
    void theStartOverrideReplacesJavaJar() {
        write(root, "pom.xml", "<project/>");

        assertThat(plan(PlannerFixtures.start("java -cp /app/app.jar x.Main")).variables())
                .containsEntry("START_COMMAND", "[\"sh\",\"-c\",\"java -cp /app/app.jar x.Main\"]");
    }

    @Test
    void refusesWarsAndPomsWithoutModules() {
        write(root, "pom.xml", "<project><packaging>war</packaging></project>");
        assertThatThrownBy(() -> plan(BuildOverrides.NONE)).isInstanceOf(BuildFailure.class)
                .hasMessageContaining("pom.xml builds a war");

        write(root, "pom.xml", "<project><packaging>pom</packaging></project>");
        assertThatThrownBy(() -> plan(BuildOverrides.NONE)).isInstanceOf(BuildFailure.class)
                .hasMessageContaining("packaging pom and no modules");
    }

    @Test
    void isNotJavaWithoutPomOrGradleBuild() {
        write(root, "Main.java", "class Main {}");

        assertThat(planner.plan(new SourceTree(root), BuildOverrides.NONE, RUNTIMES)).isEmpty();
    }

    private BuildPlan plan(BuildOverrides overrides) {
        return planner.plan(new SourceTree(root), overrides, RUNTIMES).orElseThrow();
    }
}
