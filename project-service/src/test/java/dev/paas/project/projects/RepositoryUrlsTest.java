package dev.paas.project.projects;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepositoryUrlsTest {

    @Test
    void acceptsPublicGitUrls() {
        assertThat(RepositoryUrls.problemWith("https://github.com/acme/shop.git", false)).isEmpty();
    }

    @Test
    void refusesSshUrlsWithAHint() {
        assertThat(RepositoryUrls.problemWith("git@github.com:acme/shop.git", false)).get().asString()
                .contains("use the https:// URL");
        assertThat(RepositoryUrls.problemWith("ssh://git@example.com/acme/shop.git", false)).get().asString()
                .contains("SSH repositories are not supported yet");
    }

    @Test
    void rejectsLocalRepositoriesOutsideLocalMode() {
        assertThat(RepositoryUrls.problemWith("file:///srv/repos/shop", false)).get().asString()
                .contains("local mode");
        assertThat(RepositoryUrls.problemWith("http://127.0.0.1:9418/shop.git", false)).get().asString()
                .contains("points at this machine");
        assertThat(RepositoryUrls.problemWith("https://localhost/shop.git", false)).get().asString()
                .contains("points at this machine");
    }

    @Test
    void acceptsLocalRepositoriesInLocalMode() {
        assertThat(RepositoryUrls.problemWith("file:///srv/repos/shop", true)).isEmpty();
        assertThat(RepositoryUrls.problemWith("http://127.0.0.1:9418/shop.git", true)).isEmpty();
    }

    @Test
    void explainsWhatIsWrongWithMalformedUrls() {
        assertThat(RepositoryUrls.problemWith("", false)).contains("must not be blank");
        assertThat(RepositoryUrls.problemWith("not a url", false)).get().asString().contains("not a valid URL");
        assertThat(RepositoryUrls.problemWith("ftp://example.com/repo", false)).get().asString()
                .contains("https://");
        assertThat(RepositoryUrls.problemWith("http://example.com/repo.git", false)).get().asString()
                .contains("must use https://");
        assertThat(RepositoryUrls.problemWith("https://github.com", false)).contains("has no repository path");
    }

    @Test
    void validatesBranchNames() {
        assertThat(RepositoryUrls.problemWithBranch("main")).isEmpty();
        assertThat(RepositoryUrls.problemWithBranch("feature/new-ui")).isEmpty();
        assertThat(RepositoryUrls.problemWithBranch("bad..name")).isPresent();
        assertThat(RepositoryUrls.problemWithBranch("with space")).isPresent();
        assertThat(RepositoryUrls.problemWithBranch("ends/")).isPresent();
        assertThat(RepositoryUrls.problemWithBranch("x.lock")).isPresent();
    }
}
