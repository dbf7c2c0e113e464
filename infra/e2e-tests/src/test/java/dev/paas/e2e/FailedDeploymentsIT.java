package dev.paas.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every way a deployment can go wrong ends in FAILED with a specific message, never stuck, nothing left behind. */
class FailedDeploymentsIT {

    private static final Platform platform = Platform.signedUpRoomy("deployer");

    @Test
    void anUnknownBranchFailsNamingTheBranch() throws Exception {
        Path repo = SampleRepositories.create("node-hello", "main");
        JsonNode failed = deployAndSettle("Wrong Branch", SampleRepositories.url(repo), "does-not-exist");

        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("error").asString()).contains("does-not-exist");
    }

    @Test
    void aRepositoryThatCannotBeClonedFails() throws Exception {
        Path missing = Files.createTempDirectory("paas-e2e-missing").resolve("nothing-here");
        JsonNode failed = deployAndSettle("Missing Repo", missing.toUri().toString(), "main");

        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("error").asString()).containsIgnoringCase("clone");
    }

    @Test
    void aRepositoryWithNothingDetectableFails() throws Exception {
        Path repo = SampleRepositories.create("empty-repo", "main");
        JsonNode failed = deployAndSettle("Nothing To Run", SampleRepositories.url(repo), "main");

        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("error").asString()).contains("no supported stack");
        assertThat(failed.get("commitSha").asString()).isEqualTo(SampleRepositories.head(repo));
    }

    @Test
    void aFailingBuildFailsWithTheBuildError() throws Exception {
        Path repo = SampleRepositories.create("dockerfile-app", "main");
        Files.writeString(repo.resolve("Dockerfile"), "FROM paas/node:18\nRUN exit 3\n");
        SampleRepositories.commitAll(repo, "break the build");
        JsonNode failed = deployAndSettle("Broken Build", SampleRepositories.url(repo), "main");

        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("error").asString()).contains("image build failed");
        assertThat(platform.get("/api/v1/deployments/" + failed.get("id").asString() + "/build-log").body())
                .contains("exit 3");
    }

    @Test
    void anAppThatNeverAnswersFailsAndLeavesNoRoute() throws Exception {
        Path repo = SampleRepositories.create("dockerfile-app", "main");
        Files.writeString(repo.resolve("Dockerfile"), "FROM paas/node:18\nEXPOSE 8080\nCMD [\"node\", \"-e\", \"process.exit(7)\"]\n");
        SampleRepositories.commitAll(repo, "exit at once");
        JsonNode project = platform.createProject("Crashes At Start", SampleRepositories.url(repo), "main");
        String deploymentId = platform.deploy(project.get("id").asString()).get("id").asString();
        platform.awaitSettled(deploymentId);

        JsonNode failed = platform.deployment(deploymentId);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("error").asString()).contains("7");
        assertThat(platform.app(project.get("slug").asString(), "/").statusCode()).isEqualTo(404);
    }

    @Test
    void invalidRequestsGetProblemDetailsNamingTheField() {
        var response = platform.post("/api/v1/projects", "{\"name\":\"\",\"repoUrl\":\"ftp://example.com/x\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("name");
    }

    private JsonNode deployAndSettle(String name, String repoUrl, String branch) {
        JsonNode project = platform.createProject(name, repoUrl, branch);
        String deploymentId = platform.deploy(project.get("id").asString()).get("id").asString();
        platform.awaitSettled(deploymentId);
        return platform.deployment(deploymentId);
    }
}
