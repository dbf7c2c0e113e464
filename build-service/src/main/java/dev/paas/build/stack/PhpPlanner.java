package dev.paas.build.stack;

import dev.paas.build.BuildFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;

/**
 * PHP: {@code composer.json} (installed without dev dependencies in a build stage) or a plain {@code index.php},
 * served by Apache with mod_php as a non-root user, from {@code public/} when it exists, else the repository root.
 * composer.json's {@code require.php} picks the version.
 */
public final class PhpPlanner implements StackPlanner {

    static final String STACK = "php";
    static final String TEMPLATE = "php.Dockerfile";
    static final int DEFAULT_PORT = 8080;
    static final String APP_DIRECTORY = "/var/www/app";
    static final String APACHE_FOREGROUND = ". /etc/apache2/envvars && exec apache2 -D FOREGROUND";

    @Override
    public List<String> templates() {
        return List.of(TEMPLATE);
    }

    @Override
    public Optional<BuildPlan> plan(SourceTree tree, BuildOverrides overrides, RuntimeVersions runtimes) {
        boolean composer = tree.isFile("composer.json");
        if (!composer && !tree.isFile("index.php") && !tree.isFile("public/index.php")) {
            return Optional.empty();
        }
        Optional<String> constraint = Optional.empty();
        if (composer) {
            JsonNode manifest = tree.json("composer.json").orElseThrow(() -> new BuildFailure(
                    "composer.json is not valid JSON (or larger than 1 MiB): composer cannot install from it"));
            constraint = Optional.of(manifest.path("require").path("php").asString(""))
                    .filter(php -> !php.isBlank()).map(PhpPlanner::composerConstraint);
        }
        RuntimeChoice runtime = runtimes.choose(STACK, constraint, constraint.isPresent()
                ? "composer.json require.php" : composer ? "require.php in composer.json" : "composer.json");
        boolean lock = tree.isFile("composer.lock");
        String documentRoot = tree.isDirectory("public") ? APP_DIRECTORY + "/public" : APP_DIRECTORY;
        List<String> explanation = new ArrayList<>();
        explanation.add("detected PHP " + runtime.image().version() + " (" + (composer
                ? "composer.json" + (lock ? " + composer.lock" : ", no composer.lock: versions resolved at build time")
                : "index.php, no composer.json") + ")");
        explanation.add(runtime.reason());
        explanation.add("serving " + (documentRoot.endsWith("/public") ? "public/" : "the repository root")
                + " with Apache and mod_php");

        List<String> start = StartCommands.shell(APACHE_FOREGROUND);
        Optional<StartCommands.Given> given = StartCommands.given(tree, overrides);
        if (given.isPresent()) {
            start = given.get().shellForm();
            explanation.add(given.get().explanation());
        }
        int port = StartCommands.port(overrides, DEFAULT_PORT);
        // Platform checks run against the run image's PHP (vendor/composer/platform_check.php), not the builder's.
        String install = composer
                ? "composer install --no-dev --no-interaction --prefer-dist --no-progress --no-scripts"
                        + " --no-autoloader --ignore-platform-reqs"
                : "echo 'no composer.json: nothing to install'";
        String build = composer ? "composer dump-autoload --no-dev --optimize --no-interaction"
                : "echo 'no build step'";
        Map<String, String> variables = PlanVariables.common(runtime, port, start);
        variables.put("DEPENDENCY_COPY", composer ? "COPY composer.json composer.lock* ./"
                : "# No composer.json: a plain PHP app.");
        variables.put("INSTALL_COMMAND", StartCommands.given(overrides.installCommand())
                ? overrides.installCommand().strip() : install);
        variables.put("BUILD_COMMAND", StartCommands.given(overrides.buildCommand())
                ? overrides.buildCommand().strip() : build);
        variables.put("DOCUMENT_ROOT", documentRoot);
        variables.put("APP_DIRECTORY", APP_DIRECTORY);
        variables.put("EXTRA_CA_FILE", DockerfileTemplates.EXTRA_CA_FILE);
        return Optional.of(new BuildPlan(STACK, TEMPLATE, variables, OptionalInt.of(port), explanation,
                List.of("vendor"), Optional.empty()));
    }

    /** Composer's {@code |} alternatives and {@code ,} conjunctions in the catalog's constraint syntax. */
    static String composerConstraint(String constraint) {
        return constraint.replaceAll("\\s*\\|\\|?\\s*", " || ").replaceAll("\\s*,\\s*", " ").strip();
    }
}
