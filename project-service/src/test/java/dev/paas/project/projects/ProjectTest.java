package dev.paas.project.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.problems.InvalidInput;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProjectTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final UUID owner = UUID.randomUUID();

    @Test
    void belongsToItsOwnerOnly() {
        Project project = project(null);

        assertThat(project.isOwnedBy(owner)).isTrue();
        assertThat(project.isOwnedBy(UUID.randomUUID())).isFalse();
        assertThat(project.isOwnedBy(null)).isFalse();
    }

    @Test
    void aProjectFromBeforeAccountsBelongsToNobody() {
        Project legacy = new Project(UUID.randomUUID(), null, "old", "old", "https://github.com/a/old.git", "main",
                null, false, null, null, null, null, null, null, null, null, NOW, 1);

        assertThat(legacy.isOwnedBy(null)).isFalse();
        assertThat(legacy.isOwnedBy(owner)).isFalse();
        assertThat(legacy.webhookStatus()).isEqualTo(WebhookStatus.NONE);
    }

    @Test
    void cannotBeRegisteredWithoutAnOwner() {
        assertThatThrownBy(() -> Project.register(UUID.randomUUID(), null, "x", "x", "https://h/x.git", "main", null,
                false, NOW)).isInstanceOf(NullPointerException.class).hasMessageContaining("ownerId");
    }

    @Test
    void announcesItsRegistrationWithTheRepositoryAndBranch() {
        UUID id = UUID.randomUUID();

        Project project = Project.register(id, owner, "Shop", "shop", "https://github.com/acme/shop.git", "main",
                "acme/shop", true, NOW);

        assertThat(project.registeredEvents()).containsExactly(new ProjectEvents.Registered(id, "shop", owner,
                "https://github.com/acme/shop.git", "main", "acme/shop"));
    }

    @Test
    void refusesToBeRegisteredWithAnInvalidNameBranchOrGithubRepositoryNamingTheField() {
        assertThatThrownBy(() -> register("", "main", null)).isInstanceOf(InvalidInput.class)
                .hasMessage("name must be 1 to 100 characters");
        assertThatThrownBy(() -> register("x".repeat(101), "main", null))
                .hasMessage("name must be 1 to 100 characters");
        assertThatThrownBy(() -> register("shop", "a..b", null)).isInstanceOf(InvalidInput.class)
                .hasMessage("branch is not a valid git branch name")
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("branch");
        assertThatThrownBy(() -> register("shop", "main", "acme/.."))
                .isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("githubRepository");
    }

    @Test
    void deploysAnotherBranchOnlyWhenItIsAValidBranchName() {
        Project project = project(null);

        project.deployBranch("  release ");
        assertThat(project.branch()).isEqualTo("release");

        assertThatThrownBy(() -> project.deployBranch("a..b")).isInstanceOf(InvalidInput.class)
                .hasMessage("branch is not a valid git branch name");
        assertThatThrownBy(() -> project.deployBranch(" ")).isInstanceOf(InvalidInput.class)
                .hasMessage("branch must not be blank");
        assertThat(project.branch()).as("a refused branch changes nothing").isEqualTo("release");
    }

    @Test
    void turnsDeployOnPushOnAndOff() {
        Project project = project("acme/shop");

        project.deployOnPush(false);
        assertThat(project.autoDeploy()).isFalse();
        project.deployOnPush(true);
        assertThat(project.autoDeploy()).isTrue();
    }

    @Test
    void waitsForTheWebhookOfAGithubProjectThenRecordsWhatIdentityReports() {
        Project project = project("acme/shop");
        assertThat(project.webhookStatus()).isEqualTo(WebhookStatus.PENDING);

        project.webhookFailed("no GitHub account linked");
        assertThat(project.webhookStatus()).isEqualTo(WebhookStatus.FAILED);
        assertThat(project.webhookError()).isEqualTo("no GitHub account linked");

        project.webhookRegistered();
        assertThat(project.webhookStatus()).isEqualTo(WebhookStatus.REGISTERED);
        assertThat(project.webhookError()).isNull();
    }

    @Test
    void refusesWebhookReportsForAProjectNotFromGithub() {
        Project project = project(null);

        assertThat(project.webhookStatus()).isEqualTo(WebhookStatus.NONE);
        assertThatThrownBy(project::webhookRegistered).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not picked from GitHub");
    }

    @Test
    void itsDeletionNamesTheGithubRepositoryOnlyWhenAWebhookIsOrMayBeRegistered() {
        UUID admin = UUID.randomUUID();
        Project hooked = project("acme/shop");
        Project failed = project("acme/shop");
        failed.webhookFailed("no token");

        assertThat(hooked.deletedBy(admin)).isEqualTo(new ProjectEvents.Deleted(hooked.id(), "shop", owner, admin,
                "acme/shop"));
        assertThat(failed.deletedBy(owner).githubRepository()).isNull();
        assertThat(project(null).deletedBy(owner).githubRepository()).isNull();
    }

    private Project register(String name, String branch, String githubRepository) {
        return Project.register(UUID.randomUUID(), owner, name, "shop", "https://github.com/acme/shop.git", branch,
                githubRepository, false, NOW);
    }

    private Project project(String githubRepository) {
        return Project.register(UUID.randomUUID(), owner, "shop", "shop", "https://github.com/acme/shop.git", "main",
                githubRepository, githubRepository != null, NOW);
    }
}
