package dev.paas.runtime.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnvironmentKeysTest {

    private static final String NEW = "bHEhPVPDRyfMWZuHCWfJBnTcQahElUfPkzA60dPO3Ts=";
    private static final String OLD = "H0iYu1qlbukslHW0w9qMe2IyuvdvzaK2sU/Drt6KrUQ=";

    private final UUID project = UUID.randomUUID();

    @Test
    void sealsUnderTheFirstKeyAndOpensUnderTheKeyTheRowNames() {
        EnvironmentKeys before = EnvironmentKeys.of(List.of(new EnvironmentProperties.Key("old", OLD)));
        EnvironmentKeys.Sealed sealedBefore = before.seal(project, "API_KEY", "s3cret");
        EnvironmentKeys after = EnvironmentKeys.of(List.of(new EnvironmentProperties.Key("new", NEW),
                new EnvironmentProperties.Key("old", OLD)));

        EnvironmentKeys.Sealed sealedAfter = after.seal(project, "API_KEY", "s3cret");

        assertThat(sealedBefore.keyId()).isEqualTo("old");
        assertThat(sealedAfter.keyId()).isEqualTo("new");
        assertThat(sealedAfter.value()).doesNotContain("s3cret").startsWith("v1:");
        assertThat(after.open(project, "API_KEY", "old", sealedBefore.value())).isEqualTo("s3cret");
        assertThat(after.open(project, "API_KEY", "new", sealedAfter.value())).isEqualTo("s3cret");
    }

    @Test
    void bindsEachValueToItsProjectAndKey() {
        EnvironmentKeys keys = EnvironmentKeys.of(List.of(new EnvironmentProperties.Key("k", NEW)));
        EnvironmentKeys.Sealed sealed = keys.seal(project, "A", "value");

        assertThatThrownBy(() -> keys.open(project, "B", "k", sealed.value())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> keys.open(UUID.randomUUID(), "A", "k", sealed.value()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void namesAKeyIdTheRingDoesNotHold() {
        EnvironmentKeys keys = EnvironmentKeys.of(List.of(new EnvironmentProperties.Key("k", NEW)));

        assertThatThrownBy(() -> keys.open(project, "A", "gone", "v1:AAAA"))
                .hasMessageContaining("sealed under key 'gone', which paas.runtime.env.keys does not hold")
                .hasMessageNotContaining("AAAA");
    }

    @Test
    void namesAKeyWithoutAnIdByItsFingerprint() {
        EnvironmentKeys keys = EnvironmentKeys.of(List.of(new EnvironmentProperties.Key("", NEW),
                new EnvironmentProperties.Key(null, OLD)));

        assertThat(keys.currentId()).matches("sha256-[0-9a-f]{16}");
        assertThat(keys.ids()).hasSize(2);
        assertThat(EnvironmentKeys.of(List.of(new EnvironmentProperties.Key(null, NEW))).currentId())
                .isEqualTo(keys.currentId());
        assertThat(String.join(",", keys.ids())).doesNotContain(NEW).doesNotContain(OLD);
    }

    @Test
    void refusesToStartWithoutAKey() {
        assertThatThrownBy(() -> EnvironmentKeys.of(List.of()))
                .hasMessageStartingWith("paas.runtime.env.keys is empty")
                .hasMessageContaining("PAAS_ENV_KEY");
        assertThatThrownBy(() -> EnvironmentKeys.of(List.of(new EnvironmentProperties.Key("", ""))))
                .hasMessageStartingWith("paas.runtime.env.keys[0].key (PAAS_ENV_KEY) is not set");
    }

    @Test
    void refusesToStartWithAShortOrMalformedKey() {
        assertThatThrownBy(() -> EnvironmentKeys.of(List.of(new EnvironmentProperties.Key("k", "c2hvcnQ="))))
                .hasMessageStartingWith("paas.runtime.env.keys[0].key (PAAS_ENV_KEY) must be 32 bytes");
        assertThatThrownBy(() -> EnvironmentKeys.of(List.of(new EnvironmentProperties.Key("k", NEW),
                new EnvironmentProperties.Key("j", "not base64!"))))
                .hasMessageStartingWith("paas.runtime.env.keys[1].key must be 32 bytes");
    }

    @Test
    void refusesTheSameIdTwice() {
        assertThatThrownBy(() -> EnvironmentKeys.of(List.of(new EnvironmentProperties.Key("k", NEW),
                new EnvironmentProperties.Key("k", OLD))))
                .hasMessage("paas.runtime.env.keys names the key id 'k' twice");
    }
}
