package dev.paas.identity.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpaqueTokensTest {

    @Test
    void generatesAPrefixAnd43UrlSafeCharacters() {
        String token = OpaqueTokens.generate("paas_pat_");
        assertThat(token).startsWith("paas_pat_").hasSize(9 + 43).matches("paas_pat_[A-Za-z0-9_-]{43}");
        assertThat(OpaqueTokens.looksLike(token, "paas_pat_")).isTrue();
        assertThat(OpaqueTokens.generate("paas_pat_")).isNotEqualTo(token);
    }

    @Test
    void recognisesOnlyTheExpectedShape() {
        assertThat(OpaqueTokens.looksLike(null, "paas_rt_")).isFalse();
        assertThat(OpaqueTokens.looksLike("paas_pat_" + "a".repeat(43), "paas_rt_")).isFalse();
        assertThat(OpaqueTokens.looksLike("paas_rt_" + "a".repeat(42), "paas_rt_")).isFalse();
        assertThat(OpaqueTokens.looksLike("paas_rt_" + "a".repeat(42) + "é", "paas_rt_")).isFalse();
    }

    @Test
    void hashesWithSha256Hex() {
        assertThat(OpaqueTokens.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
