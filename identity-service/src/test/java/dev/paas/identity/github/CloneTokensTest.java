package dev.paas.identity.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.sealing.SealedBox;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CloneTokensTest {

    private static final String KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private final List<Object> published = new ArrayList<>();
    private final UUID owner = UUID.randomUUID();

    @Test
    void announcesTheTokenSealedForItsOwnerOnly() {
        new CloneTokens(KEY, published::add).changed(owner, "octocat", "gho_secret");

        GitHubTokenEvents.Changed changed = (GitHubTokenEvents.Changed) published.getFirst();
        assertThat(changed.ownerId()).isEqualTo(owner);
        assertThat(changed.githubLogin()).isEqualTo("octocat");
        assertThat(changed.sealedToken()).doesNotContain("gho_secret");
        assertThat(SealedBox.ofBase64(KEY, "key").open(changed.sealedToken(), "github-clone-token:" + owner))
                .isEqualTo("gho_secret");
    }

    @Test
    void handsNothingOnWithoutTheKey() {
        new CloneTokens("", published::add).changed(owner, "octocat", "gho_secret");

        assertThat(published).isEmpty();
    }
}
