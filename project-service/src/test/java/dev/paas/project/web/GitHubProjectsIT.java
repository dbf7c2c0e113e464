package dev.paas.project.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.identity.WebhookRegistered;
import dev.paas.contracts.identity.WebhookRegistrationFailed;
import dev.paas.contracts.project.DeploymentRequested;
import dev.paas.contracts.project.ProjectCreated;
import dev.paas.contracts.webhook.GitPushReceived;
import dev.paas.messaging.EventEnvelope;
import dev.paas.project.testing.ProjectServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Projects picked from GitHub: their webhook status follows identity-service's reports, and pushes the gateway
 * accepted deploy them when the branch is theirs and auto-deploy is on, once per delivery.
 */
class GitHubProjectsIT extends ProjectServiceIntegrationTest {

    private static final String SHA = "9fceb02d0ae598e95dc970b74767f19372d61af8";

    private final UUID owner = UUID.randomUUID();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void announcesAGithubProjectWithItsRepositoryAndWaitsForTheWebhook() throws Exception {
        JsonNode project = githubProject("hooked");
        UUID projectId = UUID.fromString(project.get("id").asString());

        assertThat(project.get("githubRepository").asString()).isEqualTo("acme/hooked");
        assertThat(project.get("autoDeploy").asBoolean()).as("default for GitHub projects").isTrue();
        assertThat(project.get("webhook").get("status").asString()).isEqualTo("PENDING");
        assertThat(awaitPublished(ProjectCreated.class, event -> event.projectId().equals(projectId)))
                .isEqualTo(new ProjectCreated(projectId, project.get("slug").asString(), owner,
                        "https://github.com/acme/hooked.git", "main", "acme/hooked"));

        bus.publish(new WebhookRegistered(projectId, "acme/hooked", 4242L));
        JsonNode registered = awaitWebhook(projectId, "REGISTERED");
        assertThat(registered.get("webhook").get("error").isNull()).isTrue();
    }

    @Test
    void showsWhyTheWebhookCouldNotBeRegistered() throws Exception {
        UUID projectId = UUID.fromString(githubProject("unhooked").get("id").asString());

        bus.publish(new WebhookRegistrationFailed(projectId, "acme/unhooked",
                "link your GitHub account to register a webhook"));

        JsonNode failed = awaitWebhook(projectId, "FAILED");
        assertThat(failed.get("webhook").get("error").asString()).isEqualTo(
                "link your GitHub account to register a webhook");
    }

    @Test
    void deploysAPushToTheProjectsBranchOnceEvenWhenReplayed() throws Exception {
        UUID projectId = UUID.fromString(githubProject("pushed").get("id").asString());
        GitPushReceived push = new GitPushReceived(UUID.randomUUID().toString(), projectId, "acme/pushed", "main",
                SHA, "add checkout", "octocat");

        EventEnvelope delivered = bus.publish(push);

        JsonNode deployment = await().atMost(Duration.ofSeconds(20)).until(() -> deploymentsOf(projectId),
                deployments -> deployments.size() == 1).get(0);
        assertThat(deployment.get("trigger").asString()).isEqualTo("push");
        assertThat(deployment.get("commitSha").asString()).isEqualTo(SHA);
        assertThat(deployment.get("commitMessage").asString()).isEqualTo("add checkout");
        assertThat(deployment.get("status").asString()).isEqualTo("QUEUED");
        DeploymentRequested requested = awaitPublished(DeploymentRequested.class,
                event -> event.deploymentId().toString().equals(deployment.get("id").asString()));
        assertThat(requested.ownerId()).isEqualTo(owner);
        assertThat(requested.branch()).isEqualTo("main");
        assertThat(requested.commitSha()).as("exactly the pushed commit is built").isEqualTo(SHA);

        // The same envelope redelivered, and the same delivery published again under a new event id.
        bus.republish(delivered);
        bus.publish(push);
        awaitOutcome(push.deliveryId(), "deployed");
        GitPushReceived marker = new GitPushReceived(UUID.randomUUID().toString(), projectId, "acme/pushed",
                "feature", SHA, "later", "octocat");
        bus.publish(marker);
        // The marker went out after both replays, so once it is handled they were handled too.
        awaitOutcome(marker.deliveryId(), "other-branch");
        assertThat(deploymentsOf(projectId)).hasSize(1);
        assertThat(published(DeploymentRequested.class).stream().filter(event -> event.projectId().equals(projectId)))
                .hasSize(1);
    }

    @Test
    void ignoresPushesToOtherBranchesTagsAndProjectsWithAutoDeployOff() throws Exception {
        UUID projectId = UUID.fromString(githubProject("quiet").get("id").asString());
        String otherBranch = UUID.randomUUID().toString();
        String tag = UUID.randomUUID().toString();
        bus.publish(new GitPushReceived(otherBranch, projectId, "acme/quiet", "develop", SHA, "wip", "octocat"));
        bus.publish(new GitPushReceived(tag, projectId, "acme/quiet", null, SHA, "v1", "octocat"));
        awaitOutcome(otherBranch, "other-branch");
        awaitOutcome(tag, "not-a-branch");

        assertThat(patch("/api/v1/projects/" + projectId, "{\"autoDeploy\":false}", owner).statusCode())
                .isEqualTo(200);
        String switchedOff = UUID.randomUUID().toString();
        bus.publish(new GitPushReceived(switchedOff, projectId, "acme/quiet", "main", SHA, "fix", "octocat"));
        awaitOutcome(switchedOff, "auto-deploy-off");

        String unknown = UUID.randomUUID().toString();
        bus.publish(new GitPushReceived(unknown, UUID.randomUUID(), "acme/gone", "main", SHA, "fix", "octocat"));
        awaitOutcome(unknown, "unknown-project");

        assertThat(deploymentsOf(projectId)).isEmpty();
    }

    @Test
    void deploysPushesToTheBranchTheOwnerSwitchedTo() throws Exception {
        UUID projectId = UUID.fromString(createProject(owner, """
                {"name":"switcher","repoUrl":"https://github.com/acme/switcher.git","githubRepository":"acme/switcher",
                 "autoDeploy":false}""").get("id").asString());

        HttpResponse<String> changed = patch("/api/v1/projects/" + projectId,
                "{\"autoDeploy\":true,\"branch\":\"release\"}", owner);

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json(changed).get("branch").asString()).isEqualTo("release");
        assertThat(json(changed).get("autoDeploy").asBoolean()).isTrue();
        String delivery = UUID.randomUUID().toString();
        bus.publish(new GitPushReceived(delivery, projectId, "acme/switcher", "release", SHA, "ship", "octocat"));
        awaitOutcome(delivery, "deployed");
        assertThat(deploymentsOf(projectId)).hasSize(1);
    }

    @Test
    void validatesChangedSettingsNamingTheFieldAndChangesNothing() throws Exception {
        String projectId = githubProject("strict").get("id").asString();

        HttpResponse<String> badBranch = patch("/api/v1/projects/" + projectId, "{\"branch\":\"a..b\"}", owner);
        assertThat(badBranch.statusCode()).isEqualTo(400);
        assertThat(json(badBranch).get("errors").get(0).get("field").asString()).isEqualTo("branch");

        HttpResponse<String> blankBranch = patch("/api/v1/projects/" + projectId, "{\"branch\":\" \"}", owner);
        assertThat(blankBranch.statusCode()).isEqualTo(400);
        assertThat(json(blankBranch).get("detail").asString()).startsWith("branch");

        HttpResponse<String> notBoolean = patch("/api/v1/projects/" + projectId,
                "{\"autoDeploy\":\"sometimes\",\"branch\":\"next\"}", owner);
        assertThat(notBoolean.statusCode()).isEqualTo(400);
        assertThat(json(notBoolean).get("detail").asString()).startsWith("autoDeploy");

        HttpResponse<String> tooLong = patch("/api/v1/projects/" + projectId,
                "{\"branch\":\"" + "b".repeat(201) + "\"}", owner);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json(tooLong).get("errors").get(0).get("field").asString()).isEqualTo("branch");

        JsonNode unchanged = json(get("/api/v1/projects/" + projectId, owner));
        assertThat(unchanged.get("branch").asString()).isEqualTo("main");
        assertThat(unchanged.get("autoDeploy").asBoolean()).isTrue();
    }

    private JsonNode githubProject(String name) throws Exception {
        return createProject(owner, "{\"name\":\"" + name + "\",\"repoUrl\":\"https://github.com/acme/" + name
                + ".git\",\"githubRepository\":\"acme/" + name + "\"}");
    }

    private JsonNode deploymentsOf(UUID projectId) throws Exception {
        return json(get("/api/v1/projects/" + projectId + "/deployments", owner));
    }

    private JsonNode awaitWebhook(UUID projectId, String status) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> json(get("/api/v1/projects/" + projectId, owner)),
                project -> status.equals(project.get("webhook").get("status").asString()));
    }

    private void awaitOutcome(String deliveryId, String outcome) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "select outcome from push_deliveries where delivery_id = ?", String.class, deliveryId),
                outcomes -> outcomes.equals(java.util.List.of(outcome)));
    }
}
