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

class PhpPlannerTest {

    @TempDir
    Path root;

    private final PhpPlanner planner = new PhpPlanner();

    @Test
    void installsComposerDependenciesInALayerKeyedByComposerJsonAndLock() {
        write(root, "composer.json", "{\"require\": {\"php\": \"^8.2\", \"slim/slim\": \"^4\"}}");
        write(root, "composer.lock", "{}");
        write(root, "public/index.php", "<?php echo 'hi';");

        BuildPlan plan = plan(BuildOverrides.NONE);
        String dockerfile = render(plan);
        List<String> lines = PlannerFixtures.lines(dockerfile);

        assertThat(plan.stack()).isEqualTo("php");
        assertThat(plan.port()).hasValue(8080);
        assertThat(plan.variables()).containsEntry("DOCUMENT_ROOT", "/var/www/app/public")
                .containsEntry("BUILD_IMAGE", "composer:2").containsEntry("RUN_IMAGE", "php:8.3-apache");
        assertThat(plan.variables().get("INSTALL_COMMAND"))
                .startsWith("composer install --no-dev --no-interaction --prefer-dist");
        assertThat(lines.indexOf("COPY composer.json composer.lock* ./")).isPositive()
                .isLessThan(lines.indexOf("COPY . ."));
        assertThat(dockerfile).contains("Listen 8080", "DocumentRoot /var/www/app/public", "USER 10001",
                "ENV PORT=8080", "EXPOSE 8080", "rm -f .paas-extra-ca.crt");
        assertThat(plan.explanation()).contains("detected PHP 8.3 (composer.json + composer.lock)",
                "composer.json require.php \"^8.2\"", "serving public/ with Apache and mod_php");
    }

    @Test
    void servesAPlainIndexPhpFromTheRepositoryRoot() {
        write(root, "index.php", "<?php echo 'hi';");

        BuildPlan plan = plan(BuildOverrides.NONE);

        assertThat(plan.variables()).containsEntry("DOCUMENT_ROOT", "/var/www/app")
                .containsEntry("START_COMMAND",
                        "[\"sh\",\"-c\",\". /etc/apache2/envvars && exec apache2 -D FOREGROUND\"]");
        assertThat(plan.variables().get("INSTALL_COMMAND")).doesNotContain("composer install");
        assertThat(render(plan)).doesNotContain("COPY composer.json");
        assertThat(plan.explanation()).contains("detected PHP 8.3 (index.php, no composer.json)",
                "no composer.json; the newest in the catalog", "serving the repository root with Apache and mod_php");
    }

    @Test
    void translatesComposerConstraints() {
        assertThat(PhpPlanner.composerConstraint("^7.4|^8.0")).isEqualTo("^7.4 || ^8.0");
        assertThat(PhpPlanner.composerConstraint(">=8.1, <8.3")).isEqualTo(">=8.1 <8.3");
        write(root, "composer.json", "{\"require\": {\"php\": \">=8.1 <8.3\"}}");

        assertThat(plan(BuildOverrides.NONE).variables()).containsEntry("RUN_IMAGE", "paas/php:8.2");
    }

    @Test
    void aPortOverrideMovesApache() {
        write(root, "index.php", "");

        assertThat(render(plan(new BuildOverrides(null, null, null, null, 9090, null)))).contains("Listen 9090",
                "<VirtualHost *:9090>", "EXPOSE 9090");
    }

    @Test
    void failsClearlyOnAnInvalidComposerJson() {
        write(root, "composer.json", "{ not json");

        assertThatThrownBy(() -> plan(BuildOverrides.NONE)).isInstanceOf(BuildFailure.class)
                .hasMessageContaining("composer.json is not valid JSON");
    }

    @Test
    void isNotPhpWithoutComposerJsonOrIndexPhp() {
        write(root, "lib.php", "<?php");

        assertThat(planner.plan(new SourceTree(root), BuildOverrides.NONE, RUNTIMES)).isEmpty();
    }

    private BuildPlan plan(BuildOverrides overrides) {
        return planner.plan(new SourceTree(root), overrides, RUNTIMES).orElseThrow();
    }
}
