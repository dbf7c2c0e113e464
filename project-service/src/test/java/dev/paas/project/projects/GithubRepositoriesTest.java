package dev.paas.project.projects;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GithubRepositoriesTest {

    @ParameterizedTest
    @ValueSource(strings = {"acme/shop", "octo-cat/my.repo_2", "a/b", "A.B/c-d"})
    void acceptsOwnerAndName(String repository) {
        assertThat(GithubRepositories.problemWith(repository)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme", "acme/", "/shop", "acme/shop/x", "acme/sh op", "acme/shop?x", "../shop",
            "acme/..", "./x", "acme/shop\n"})
    void refusesAnythingElse(String repository) {
        assertThat(GithubRepositories.problemWith(repository)).isPresent();
    }
}
