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

class GoPlannerTest {

    private static final String MAIN = "package main\n\nfunc main() {}\n";

    @TempDir
    Path root;

    private final GoPlanner planner = new GoPlanner();

    @Test
    void buildsAStaticBinaryOfTheRootPackageOnScratch() {
        write(root, "go.mod", "module github.com/acme/hello\n\ngo 1.19\n");
        write(root, "main.go", MAIN);

        BuildPlan plan = plan(BuildOverrides.NONE);
        String dockerfile = render(plan);
        List<String> lines = PlannerFixtures.lines(dockerfile);

        assertThat(plan.stack()).isEqualTo("go");
        assertThat(plan.port()).hasValue(8080);
        assertThat(plan.variables()).containsEntry("BUILD_IMAGE", "golang:1.22-bookworm")
                .containsEntry("RUN_IMAGE", "scratch").containsEntry("GOFLAGS", "-mod=readonly")
                .containsEntry("BUILD_COMMAND", "go build -trimpath -ldflags \"-s -w\" -o /out/hello .")
                .containsEntry("START_COMMAND", "[\"/usr/local/bin/hello\"]");
        assertThat(dockerfile).contains("CGO_ENABLED=0", "FROM scratch", "USER 10001:10001", "ENV PORT=8080",
                "EXPOSE 8080", "COPY --from=build /etc/ssl/certs/ca-certificates.crt");
        assertThat(lines.indexOf("COPY go.mod go.sum* ./")).isLessThan(lines.indexOf("RUN go mod download"));
        assertThat(lines.indexOf("RUN go mod download")).isLessThan(lines.indexOf("COPY . ."));
        assertThat(plan.explanation()).contains("detected Go 1.22 (go.mod, go mod download)",
                "go.mod's go line \"1.19\"", "building a static binary of .");
    }

    @Test
    void buildsFromVendorWithoutTheModuleProxy() {
        write(root, "go.mod", "module example.com/svc\ngo 1.21\n");
        write(root, "main.go", MAIN);
        write(root, "vendor/modules.txt", "# example.com/dep v1.0.0\n");

        BuildPlan plan = plan(BuildOverrides.NONE);

        assertThat(plan.variables()).containsEntry("GOFLAGS", "-mod=vendor");
        assertThat(plan.variables().get("INSTALL_COMMAND")).doesNotContain("go mod download");
        assertThat(plan.explanation().getFirst()).isEqualTo("detected Go 1.22 (go.mod, vendor/ with -mod=vendor)");
    }

    @Test
    void buildsTheSingleCommandUnderCmdAndNamesTheBinaryAfterIt() {
        write(root, "go.mod", "module example.com/svc\n");
        write(root, "internal/lib.go", "package internal\n");
        write(root, "cmd/api/main.go", MAIN);
        write(root, "cmd/api/main_test.go", "package main\n");

        BuildPlan plan = plan(BuildOverrides.NONE);

        assertThat(plan.variables()).containsEntry("BUILD_COMMAND",
                "go build -trimpath -ldflags \"-s -w\" -o /out/api ./cmd/api").containsEntry("BINARY", "api");
        assertThat(plan.explanation()).contains("no go line in go.mod; the newest in the catalog");
    }

    @Test
    void theGoLinePicksTheHighestSatisfyingCatalogVersionOrSaysItCannot() {
        write(root, "main.go", MAIN);
        write(root, "go.mod", "module m\ngo 1.23.1\n");

        BuildPlan plan = plan(BuildOverrides.NONE);

        assertThat(plan.variables()).containsEntry("BUILD_IMAGE", "golang:1.22-bookworm");
        assertThat(plan.explanation().get(1)).isEqualTo("go.mod's go line \"1.23.1\" cannot be met by the catalog"
                + " (1.22, 1.19); using the newest");
    }

    @Test
    void failsClearlyWithoutAMainPackageOrWithSeveral() {
        write(root, "go.mod", "module m\n");
        write(root, "lib.go", "package lib\n");
        assertThatThrownBy(() -> plan(BuildOverrides.NONE)).isInstanceOf(BuildFailure.class)
                .hasMessageContaining("no main package");

        write(root, "cmd/a/main.go", MAIN);
        write(root, "cmd/b/main.go", MAIN);
        assertThatThrownBy(() -> plan(BuildOverrides.NONE)).isInstanceOf(BuildFailure.class)
                .hasMessageContaining("several main packages (cmd/a, cmd/b)");
    }

    @Test
    void aProcfileCommandRunsTheBinaryWithoutAShell() {
        write(root, "go.mod", "module example.com/hello\n");
        write(root, "main.go", MAIN);
        write(root, "Procfile", "web: bin/hello -verbose\n");

        assertThat(plan(BuildOverrides.NONE).variables())
                .containsEntry("START_COMMAND", "[\"/usr/local/bin/hello\",\"-verbose\"]");
        assertThatThrownBy(() -> plan(PlannerFixtures.start("hello --port $PORT"))).isInstanceOf(BuildFailure.class)
                .hasMessageContaining("uses shell syntax, but a Go app runs on an image without a shell");
    }

    @Test
    void aBuildOverrideReplacesGoBuild() {
        write(root, "go.mod", "module example.com/tool\n");

        BuildPlan plan = plan(new BuildOverrides(null, null, "go build -o /out/tool ./tools/x", null, 3000, null));

        assertThat(plan.variables()).containsEntry("BUILD_COMMAND", "go build -o /out/tool ./tools/x")
                .containsEntry("PORT", "3000");
        assertThat(plan.explanation()).contains("building with the project's build command, which must write /out/tool");
    }

    @Test
    void isNotGoWithoutGoMod() {
        write(root, "main.go", MAIN);

        assertThat(planner.plan(new SourceTree(root), BuildOverrides.NONE, RUNTIMES)).isEmpty();
    }

    private BuildPlan plan(BuildOverrides overrides) {
        return planner.plan(new SourceTree(root), overrides, RUNTIMES).orElseThrow();
    }
}
