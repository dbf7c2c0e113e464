package dev.paas.build.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.build.BuildFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepositoryUrlPolicyTest {

    private final RepositoryUrlPolicy deployed = new RepositoryUrlPolicy(false);
    private final RepositoryUrlPolicy local = new RepositoryUrlPolicy(true);

    @ParameterizedTest
    @ValueSource(strings = {"https://github.com/acme/shop.git", "https://gitlab.example.com:8443/a/b",
            "https://10.0.0.5/git/app.git", "HTTPS://GitHub.com/acme/shop"})
    void acceptsHttpsAlways(String url) {
        assertThat(deployed.rejection(url)).isEmpty();
        assertThat(local.rejection(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///srv/git/app.git", "http://127.0.0.1:3000/app.git", "https://localhost/app.git",
            "http://git.localhost/app.git", "https://[::1]/app.git", "http://127.1.2.3/x"})
    void acceptsLocalRepositoriesOnlyInLocalMode(String url) {
        assertThat(local.rejection(url)).isEmpty();
        assertThat(deployed.rejection(url)).isPresent();
    }

    @Test
    void explainsWhyAFileUrlIsRejected() {
        assertThat(deployed.rejection("file:///etc")).hasValue("repository URL file:///etc is a local path: file://"
                + " URLs are only accepted in local mode (paas.build.allow-local-repositories=true)");
    }

    @Test
    void explainsWhyALoopbackUrlIsRejected() {
        assertThat(deployed.rejection("https://127.0.0.1:2019/config")).hasValue("repository URL"
                + " https://127.0.0.1:2019/config points to this machine (127.0.0.1): loopback hosts are only accepted"
                + " in local mode (paas.build.allow-local-repositories=true)");
    }

    @Test
    void rejectsPlainHttpToOtherHosts() {
        assertThat(local.rejection("http://github.com/acme/shop.git")).hasValue("repository URL"
                + " http://github.com/acme/shop.git uses plain http://: use https:// (plain http is only accepted for"
                + " loopback hosts in local mode)");
    }

    @Test
    void rejectsSshForNow() {
        assertThat(deployed.rejection("git@github.com:acme/shop.git")).get().asString()
                .contains("SSH is not supported yet");
        assertThat(deployed.rejection("ssh://git@github.com/acme/shop.git")).get().asString()
                .contains("SSH is not supported yet");
    }

    @Test
    void neverClonesFromLinkLocalAddresses() {
        assertThat(local.rejection("http://169.254.169.254/latest/meta-data")).get().asString()
                .contains("link-local address (169.254.169.254)");
    }

    @Test
    void rejectsNumericHostsInUnusualForms() {
        assertThat(deployed.rejection("https://2130706433/repo.git")).get().asString()
                .contains("numeric host in an unusual form");
    }

    @Test
    void rejectsOtherSchemesAndNonsense() {
        assertThat(deployed.rejection("ftp://example.com/x")).hasValue(
                "repository URL ftp://example.com/x uses the unsupported scheme 'ftp': use an https:// URL");
        assertThat(deployed.rejection("/srv/git/app")).get().asString().contains("has no scheme");
        assertThat(deployed.rejection("https://exa mple.com/x")).get().asString().contains("is not a valid URL");
        assertThat(deployed.rejection(" ")).hasValue("repository URL is empty");
        assertThat(deployed.rejection(null)).hasValue("repository URL is empty");
    }

    @Test
    void neverRepeatsCredentials() {
        assertThat(deployed.rejection("http://user:s3cret@example.com/x.git")).get().asString()
                .contains("http://***@example.com/x.git")
                .doesNotContain("s3cret");
    }

    @Test
    void checkFailsTheBuildWithTheReason() {
        assertThatThrownBy(() -> deployed.check("file:///srv/app"))
                .isInstanceOf(BuildFailure.class)
                .hasMessageStartingWith("repository URL file:///srv/app is a local path");
    }
}
