package dev.paas.build.stack;

import static dev.paas.build.stack.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.build.BuildFailure;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodePlannerTest {

    @TempDir
    Path repo;

    private final NodePlanner planner = new NodePlanner();

    @Test
    void createReactAppIsBuiltAndServedFromBuildNotRunAsADevServer() {
        write(repo, "package.json", """
                {"dependencies": {"react": "18.2.0", "react-scripts": "5.0.1"},
                 "scripts": {"start": "react-scripts start", "build": "react-scripts build"}}""",
                "package-lock.json", "{}");

        BuildPlan plan = plan();

        assertThat(plan.stack()).isEqualTo("node");
        assertThat(plan.template()).isEqualTo(NodePlanner.STATIC_TEMPLATE);
        assertThat(plan.variables()).containsEntry("OUTPUT_DIRS", "build")
                .containsEntry("BUILD_STEP", "RUN npm run build")
                .containsEntry("INSTALL_COMMAND", "npm ci --no-audit --no-fund")
                .containsEntry("RUN_IMAGE", "nginx:1.27-alpine")
                .containsEntry("BUILD_IMAGE", "node:22-bookworm-slim")
                .containsEntry("PORT", "8080");
        assertThat(plan.port()).hasValue(8080);
        assertThat(plan.explanation()).contains("detected Node 22 (package-lock.json, npm ci --no-audit --no-fund)",
                "build script found (npm run build)",
                "the start script runs a development server (react-scripts start): not used")
                .anyMatch(line -> line.startsWith("serving build/ as a static site (react-scripts's output)"));
    }

    @Test
    void viteIsServedFromDist() {
        write(repo, "package.json", """
                {"devDependencies": {"vite": "5.0.0"}, "scripts": {"dev": "vite", "build": "vite build",
                 "preview": "vite preview"}}""");

        BuildPlan plan = plan();

        assertThat(plan.template()).isEqualTo(NodePlanner.STATIC_TEMPLATE);
        assertThat(plan.variables()).containsEntry("OUTPUT_DIRS", "dist")
                .containsEntry("INSTALL_COMMAND", "npm install --no-audit --no-fund");
        assertThat(plan.explanation()).anyMatch(line -> line.startsWith("serving dist/ as a static site"))
                .anyMatch(line -> line.startsWith("no lockfile:"));
    }

    @Test
    void aViteStartScriptIsADevServerToo() {
        write(repo, "package.json", """
                {"devDependencies": {"vite": "5.0.0"}, "scripts": {"start": "vite --host", "build": "vite build"}}""");

        assertThat(plan().template()).isEqualTo(NodePlanner.STATIC_TEMPLATE);
    }

    @Test
    void anUnknownBuildToolIsServedFromTheFirstOutputDirectoryWithAnIndex() {
        write(repo, "package.json", """
                {"scripts": {"build": "node build.js"}}""");

        BuildPlan plan = plan();

        assertThat(plan.variables()).containsEntry("OUTPUT_DIRS", "dist build out public");
        assertThat(plan.explanation()).anyMatch(line -> line.startsWith(
                "serving the first of dist/, build/, out/, public/ that holds index.html"));
    }

    @Test
    void nextWithStandaloneOutputRunsTheStandaloneServer() {
        write(repo, "package.json", """
                {"dependencies": {"next": "14.2.0", "react": "18.2.0"},
                 "scripts": {"dev": "next dev", "build": "next build", "start": "next start"}}""",
                "package-lock.json", "{}",
                "next.config.mjs", "export default { output: 'standalone' };\n");

        BuildPlan plan = plan();

        assertThat(plan.template()).isEqualTo(NodePlanner.NEXT_TEMPLATE);
        assertThat(plan.variables()).containsEntry("START_COMMAND", "[\"node\",\"server.js\"]")
                .containsEntry("BUILD_STEP", "RUN npm run build");
        assertThat(plan.port()).hasValue(3000);
    }

    @Test
    void nextWithoutStandaloneRunsNextStartAfterTheBuild() {
        write(repo, "package.json", """
                {"dependencies": {"next": "14.2.0"}, "scripts": {"build": "next build", "start": "next start"}}""",
                "next.config.js", "module.exports = { reactStrictMode: true };\n");

        BuildPlan plan = plan();

        assertThat(plan.template()).isEqualTo(NodePlanner.SERVER_TEMPLATE);
        assertThat(plan.variables()).containsEntry("START_COMMAND", "[\"node_modules/.bin/next\",\"start\"]")
                .containsEntry("PRUNE_STEP", "RUN npm prune --omit=dev --no-audit --no-fund");
    }

    @Test
    void nextWithoutABuildScriptFailsClearly() {
        write(repo, "package.json", """
                {"dependencies": {"next": "14.2.0"}, "scripts": {"start": "next start"}}""");

        assertThatThrownBy(this::plan).isInstanceOf(BuildFailure.class)
                .hasMessageStartingWith("this Next.js app has no build script");
    }

    @Test
    void aFastifyLikeServerRunsItsStartScript() {
        write(repo, "package.json", """
                {"dependencies": {"fastify": "4.26.0"}, "scripts": {"start": "node src/index.js",
                 "build": "tsc"}, "engines": {"node": ">=18 <21"}}""",
                "package-lock.json", "{}");

        BuildPlan plan = plan();

        assertThat(plan.template()).isEqualTo(NodePlanner.SERVER_TEMPLATE);
        assertThat(plan.variables()).containsEntry("START_COMMAND", "[\"node\",\"src/index.js\"]")
                .containsEntry("BUILD_IMAGE", "node:20-bookworm-slim")
                .containsEntry("BUILD_STEP", "RUN npm run build")
                .containsEntry("DEPENDENCY_COPY", "COPY package.json package-lock.json ./")
                .containsEntry("PORT", "3000");
        assertThat(plan.explanation()).contains("Node 20: engines.node \">=18 <21\"");
        assertThat(plan.ignore()).contains("node_modules");
    }

    @Test
    void anyOtherStartScriptRunsThroughNpmStart() {
        write(repo, "package.json", """
                {"scripts": {"start": "NODE_OPTIONS=--max-old-space-size=256 ts-node server.ts"}}""");

        assertThat(plan().variables()).containsEntry("START_COMMAND", "[\"npm\",\"start\"]");
    }

    @Test
    void serverJsWithoutAStartScriptIsNpmsDefault() {
        write(repo, "package.json", "{}", "server.js", "require('http').createServer().listen(3000)");

        assertThat(plan().variables()).containsEntry("START_COMMAND", "[\"node\",\"server.js\"]")
                .containsEntry("BUILD_STEP", "# no build step");
    }

    @Test
    void yarnLockSelectsAFrozenYarnInstall() {
        write(repo, "package.json", "{\"scripts\": {\"start\": \"node app.js\"}}",
                "yarn.lock", "# yarn lockfile v1\n", ".yarnrc", "network-timeout 600000\n");

        BuildPlan plan = plan();

        assertThat(plan.variables())
                .containsEntry("INSTALL_COMMAND", "yarn install --frozen-lockfile --non-interactive")
                .containsEntry("DEPENDENCY_COPY", "COPY package.json yarn.lock .yarnrc ./")
                .containsEntry("PRUNE_STEP", "RUN yarn install --frozen-lockfile --production=true --ignore-scripts"
                        + " --prefer-offline --non-interactive");
        assertThat(plan.variables().get("SETUP_STEP")).contains("yarn@1");
        assertThat(plan.explanation().getFirst()).startsWith("detected Node 22 (yarn.lock,");
    }

    @Test
    void pnpmLockSelectsAFrozenPnpmInstall() {
        write(repo, "package.json", "{\"scripts\": {\"start\": \"node app.js\", \"build\": \"tsc\"}}",
                "pnpm-lock.yaml", "lockfileVersion: '9.0'\n", ".npmrc", "auto-install-peers=true\n");

        BuildPlan plan = plan();

        assertThat(plan.variables()).containsEntry("INSTALL_COMMAND", "pnpm install --frozen-lockfile")
                .containsEntry("BUILD_STEP", "RUN pnpm run build")
                .containsEntry("PRUNE_STEP", "RUN pnpm prune --prod")
                .containsEntry("DEPENDENCY_COPY", "COPY package.json pnpm-lock.yaml .npmrc ./");
        assertThat(plan.variables().get("SETUP_STEP")).contains("pnpm@9");
    }

    @Test
    void packageManagerWinsAndNamesTheVersion() {
        write(repo, "package.json", """
                {"packageManager": "pnpm@8.15.4", "scripts": {"start": "node app.js"}}""",
                "pnpm-lock.yaml", "lockfileVersion: '6.0'\n", "package-lock.json", "{}");

        BuildPlan plan = plan();

        assertThat(plan.variables()).containsEntry("INSTALL_COMMAND", "pnpm install --frozen-lockfile");
        assertThat(plan.variables().get("SETUP_STEP")).contains("grep -q '^8\\.'", "pnpm@8");
        assertThat(plan.explanation().getFirst())
                .isEqualTo("detected Node 22 (packageManager \"pnpm@8.15.4\", pnpm-lock.yaml,"
                        + " pnpm install --frozen-lockfile)");
        assertThat(plan.explanation()).contains("also found package-lock.json; they are ignored in favour of"
                + " pnpm-lock.yaml");
    }

    @Test
    void packageManagerNamingAnotherManagersLockfileFails() {
        write(repo, "package.json", """
                {"packageManager": "pnpm@9.1.0", "scripts": {"start": "node app.js"}}""",
                "yarn.lock", "# yarn lockfile v1\n");

        assertThatThrownBy(this::plan).isInstanceOf(BuildFailure.class)
                .hasMessage("package.json's packageManager names pnpm (\"pnpm@9.1.0\") but the repository has only"
                        + " yarn.lock: commit pnpm's lockfile or change packageManager");
    }

    @Test
    void yarnBerryUsesAnImmutableInstallThroughCorepack() {
        write(repo, "package.json", """
                {"packageManager": "yarn@4.1.0", "scripts": {"start": "node app.js"}}""",
                "yarn.lock", "__metadata:\n  version: 8\n", ".yarnrc.yml", "nodeLinker: node-modules\n");

        BuildPlan plan = plan();

        assertThat(plan.variables()).containsEntry("INSTALL_COMMAND", "yarn install --immutable")
                .containsEntry("DEPENDENCY_COPY", "COPY package.json yarn.lock .yarnrc.yml ./");
        assertThat(plan.variables().get("SETUP_STEP")).contains("corepack enable", "needs corepack");
    }

    @Test
    void readsTheNodeVersionFromNvmrcWithoutEngines() {
        write(repo, "package.json", "{\"scripts\": {\"start\": \"node app.js\"}}", ".nvmrc", "v18.19.0\n");

        BuildPlan plan = plan();

        assertThat(plan.variables()).containsEntry("BUILD_IMAGE", "node:18-bookworm-slim");
        assertThat(plan.explanation()).contains("Node 18: .nvmrc \"v18.19.0\"");
    }

    @Test
    void readsTheNodeVersionFromNodeVersion() {
        write(repo, "package.json", "{\"scripts\": {\"start\": \"node app.js\"}}", ".node-version", "20\n");

        assertThat(plan().variables()).containsEntry("BUILD_IMAGE", "node:20-bookworm-slim");
    }

    @Test
    void theStartOverrideWinsOverTheProcfileWhichWinsOverTheStartScript() {
        write(repo, "package.json", "{\"scripts\": {\"start\": \"node app.js\"}}",
                "Procfile", "# processes\nweb: node web.js --port $PORT\nworker: node worker.js\n");

        assertThat(plan().variables())
                .containsEntry("START_COMMAND", "[\"sh\",\"-c\",\"node web.js --port $PORT\"]");

        BuildPlan overridden = planner.plan(new SourceTree(repo),
                new BuildOverrides(null, "npm install --legacy-peer-deps", "npm run compile", "node dist/main.js",
                        4000, null), Fixtures.RUNTIMES).orElseThrow();
        assertThat(overridden.variables()).containsEntry("START_COMMAND", "[\"sh\",\"-c\",\"node dist/main.js\"]")
                .containsEntry("INSTALL_COMMAND", "npm install --legacy-peer-deps")
                .containsEntry("BUILD_STEP", "RUN npm run compile")
                .containsEntry("PORT", "4000");
        assertThat(overridden.port()).hasValue(4000);
        assertThat(overridden.explanation()).contains("start command override: node dist/main.js",
                "build command override: npm run compile", "port 4000 (override)");
    }

    @Test
    void theProcfileWinsOverNextJs() {
        write(repo, "package.json", """
                {"dependencies": {"next": "14.2.0"}, "scripts": {"build": "next build"}}""",
                "Procfile", "web: npx next start -p $PORT\n");

        assertThat(plan().template()).isEqualTo(NodePlanner.SERVER_TEMPLATE);
    }

    @Test
    void aStartScriptThatRunsTheBuildAgainWithMoreArgumentsOrServeFlagsIsADevServer() {
        assertThat(NodePlanner.isDevServer("node scripts/build.js --serve", Optional.of("node scripts/build.js")))
                .isTrue();
        assertThat(NodePlanner.isDevServer("esbuild src/app.jsx --bundle --servedir=build", Optional.empty()))
                .isTrue();
        assertThat(NodePlanner.isDevServer("tsc --watch", Optional.of("tsc"))).isTrue();
        assertThat(NodePlanner.isDevServer("node dist/server.js", Optional.of("node scripts/build.js"))).isFalse();
        assertThat(NodePlanner.isDevServer("node server.js", Optional.empty())).isFalse();
    }

    @Test
    void aDevServerWithoutABuildScriptFailsClearly() {
        write(repo, "package.json", "{\"scripts\": {\"start\": \"webpack serve\"}}");

        assertThatThrownBy(this::plan).isInstanceOf(BuildFailure.class)
                .hasMessageStartingWith("package.json's start script runs a development server (webpack serve)");
    }

    @Test
    void nothingToRunFailsClearly() {
        write(repo, "package.json", "{\"name\": \"lib\"}");

        assertThatThrownBy(this::plan).isInstanceOf(BuildFailure.class)
                .hasMessageStartingWith("package.json has no start script, no build script and there is no"
                        + " server.js: nothing to run");
    }

    @Test
    void aPlainSiteWithToolingOnlyIsLeftToTheStaticPlanner() {
        write(repo, "package.json", "{\"devDependencies\": {\"prettier\": \"3.0.0\"}}", "index.html", "<h1>hi</h1>");

        assertThat(planner.plan(new SourceTree(repo), BuildOverrides.NONE, Fixtures.RUNTIMES)).isEmpty();
    }

    @Test
    void workspacesCopyTheWholeRepositoryBeforeTheInstall() {
        write(repo, "package.json", "{\"workspaces\": [\"packages/*\"], \"scripts\": {\"start\": \"node a.js\"}}",
                "package-lock.json", "{}");

        assertThat(plan().variables()).containsEntry("DEPENDENCY_COPY", "COPY . ./");
    }

    @Test
    void invalidJsonFailsClearly() {
        write(repo, "package.json", "{ not json");

        assertThatThrownBy(this::plan).isInstanceOf(BuildFailure.class)
                .hasMessageStartingWith("package.json is not valid JSON");
    }

    @Test
    void isNotNodeWithoutPackageJson() {
        write(repo, "index.html", "<h1>hi</h1>");

        assertThat(planner.plan(new SourceTree(repo), BuildOverrides.NONE, Fixtures.RUNTIMES)).isEqualTo(Optional.empty());
    }

    @Test
    void everyPlanRendersWithoutLeftoverPlaceholders() {
        write(repo, "package.json", """
                {"dependencies": {"next": "14.2.0"}, "scripts": {"build": "next build"}}""",
                "next.config.js", "module.exports = { output: \"standalone\" }");
        DockerfileTemplates templates = new DockerfileTemplates();

        BuildPlan plan = plan();
        String dockerfile = templates.render(plan.template(), plan.variables(), true);

        assertThat(dockerfile).doesNotContain("{{").contains("FROM node:22-bookworm-slim AS build",
                "ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOST=0.0.0.0 HOSTNAME=0.0.0.0",
                "USER 10001", "CMD [\"node\",\"server.js\"]", "update-ca-certificates");
    }

    private BuildPlan plan() {
        return planner.plan(new SourceTree(repo), BuildOverrides.NONE, Fixtures.RUNTIMES).orElseThrow();
    }
}
