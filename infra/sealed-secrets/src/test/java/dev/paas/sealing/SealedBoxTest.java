package dev.paas.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SealedBoxTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final SealedBox box = SealedBox.ofBase64(KEY, "PAAS_TEST_KEY");

    @Test
    void opensWhatItSealedForTheSamePurposeOnly() {
        String sealed = box.seal("ghp_secret", "clone-token:owner-1");

        assertThat(sealed).startsWith("v1:").doesNotContain("ghp_secret");
        assertThat(box.open(sealed, "clone-token:owner-1")).isEqualTo("ghp_secret");
        assertThatThrownBy(() -> box.open(sealed, "clone-token:owner-2")).isInstanceOf(IllegalStateException.class);
        assertThat(box.seal("ghp_secret", "x")).as("fresh nonce").isNotEqualTo(box.seal("ghp_secret", "x"));
    }

    @Test
    void refusesAnotherKeyTamperingAndGarbage() {
        String sealed = box.seal("ghp_secret", "p");
        byte[] other = new byte[32];
        other[0] = 1;
        char flipped = sealed.charAt(10) == 'A' ? 'B' : 'A';

        assertThatThrownBy(() -> new SealedBox(other).open(sealed, "p")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.open(sealed.substring(0, 10) + flipped + sealed.substring(11), "p"))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> box.open("plain", "p")).hasMessage("not a sealed secret");
        assertThatThrownBy(() -> box.open("v1:AAAA", "p")).hasMessage("sealed secret is truncated");
    }

    @Test
    void namesTheSettingWhenTheKeyIsMissingOrMalformed() {
        assertThatThrownBy(() -> SealedBox.ofBase64(" ", "PAAS_CLONE_TOKEN_KEY"))
                .hasMessageStartingWith("PAAS_CLONE_TOKEN_KEY is not set");
        assertThatThrownBy(() -> SealedBox.ofBase64("c2hvcnQ=", "PAAS_CLONE_TOKEN_KEY"))
                .hasMessageStartingWith("PAAS_CLONE_TOKEN_KEY must be 32 bytes");
    }
}
