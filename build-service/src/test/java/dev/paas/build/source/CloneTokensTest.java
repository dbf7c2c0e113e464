package dev.paas.build.source;

import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.SEALED_CLONE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;
import java.util.UUID;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;

/** Which clones get an owner's GitHub token, and that it opens only for that owner under the shared key. */
class CloneTokensTest {

    private static final String KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    private static final String REPO = "https://github.com/acme/private.git";

    private final CloneTokenStore store = mock(CloneTokenStore.class);
    private final CloneTokens tokens = new CloneTokens(store, new CloneTokenProperties(KEY));

    @Test
    void lendsTheOwnersTokenToAGitHubCloneAsXAccessToken() throws Exception {
        when(store.sealedTokenOf(OWNER)).thenReturn(Optional.of(SEALED_CLONE_TOKEN));

        CredentialsProvider credentials = tokens.forClone(OWNER, REPO).orElseThrow();

        var user = new CredentialItem.Username();
        var password = new CredentialItem.Password();
        assertThat(credentials.get(new URIish(REPO), user, password)).isTrue();
        assertThat(user.getValue()).isEqualTo("x-access-token");
        assertThat(new String(password.getValue())).isEqualTo("gho_golden-token");
    }

    @Test
    void lendsNothingToOtherHostsPlainHttpOrUrlsWithTheirOwnCredentials() {
        when(store.sealedTokenOf(OWNER)).thenReturn(Optional.of(SEALED_CLONE_TOKEN));

        assertThat(tokens.forClone(OWNER, "https://gitlab.com/acme/private.git")).isEmpty();
        assertThat(tokens.forClone(OWNER, "https://github.com.evil.example/acme/x.git")).isEmpty();
        assertThat(tokens.forClone(OWNER, "http://github.com/acme/private.git")).isEmpty();
        assertThat(tokens.forClone(OWNER, "https://someone@github.com/acme/private.git")).isEmpty();
        assertThat(tokens.forClone(null, REPO)).isEmpty();
        assertThat(CloneTokens.isGitHub("https://GitHub.com/acme/x.git")).isTrue();
    }

    @Test
    void aTokenSealedForAnotherOwnerDoesNotOpen() {
        UUID other = UUID.randomUUID();
        when(store.sealedTokenOf(other)).thenReturn(Optional.of(SEALED_CLONE_TOKEN));

        assertThat(tokens.forClone(other, REPO)).isEmpty();
    }

    @Test
    void withoutTheKeyNoTokenIsLent() {
        when(store.sealedTokenOf(OWNER)).thenReturn(Optional.of(SEALED_CLONE_TOKEN));

        assertThat(new CloneTokens(store, new CloneTokenProperties("")).forClone(OWNER, REPO)).isEmpty();
    }
}
