package dev.paas.build.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.build.BuildFailure;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuntimeVersionsTest {

    private final RuntimeVersions versions = Fixtures.RUNTIMES;

    @Test
    void picksTheHighestCatalogVersionSatisfyingTheRange() {
        assertThat(node(">=18 <21")).isEqualTo("20");
        assertThat(node(">=18.17.0 <21")).isEqualTo("20");
        assertThat(node("^18")).isEqualTo("18");
        assertThat(node("^18.17.1")).isEqualTo("18");
        assertThat(node("~20.11")).isEqualTo("20");
        assertThat(node("20.x")).isEqualTo("20");
        assertThat(node("20.*")).isEqualTo("20");
        assertThat(node("18 || 20")).isEqualTo("20");
        assertThat(node("18.x || 16.x")).isEqualTo("18");
        assertThat(node("20")).isEqualTo("20");
        assertThat(node("20.1")).isEqualTo("20");
        assertThat(node("v18.19.0")).isEqualTo("18");
        assertThat(node(">=16")).isEqualTo("22");
        assertThat(node(">20")).isEqualTo("22");
        assertThat(node("<=20")).isEqualTo("20");
        assertThat(node("<20")).isEqualTo("18");
        assertThat(node("> 18 < 22")).isEqualTo("20");
        assertThat(node("18 - 20")).isEqualTo("20");
        assertThat(node("lts/*")).isEqualTo("22");
        assertThat(node("lts/hydrogen")).isEqualTo("18");
        assertThat(node("*")).isEqualTo("22");
        assertThat(node("x")).isEqualTo("22");
    }

    @Test
    void readsPythonAndJavaStyleConstraints() {
        assertThat(RuntimeVersions.satisfies("3.11", ">=3.9,<3.13")).isTrue();
        assertThat(RuntimeVersions.satisfies("3.13", ">=3.9,<3.13")).isFalse();
        assertThat(RuntimeVersions.satisfies("3.12", "~=3.11")).isTrue();
        assertThat(RuntimeVersions.satisfies("4.0", "~=3.11")).isFalse();
        assertThat(RuntimeVersions.satisfies("3.11", "==3.11.*")).isTrue();
        assertThat(RuntimeVersions.satisfies("17", "17")).isTrue();
        assertThat(RuntimeVersions.satisfies("21", "17")).isFalse();
        assertThat(RuntimeVersions.satisfies("1.22", ">=1.21")).isTrue();
        assertThat(RuntimeVersions.satisfies("0.9", "^0.8")).isFalse();
        assertThat(RuntimeVersions.satisfies("0.8", "^0.8.1")).isTrue();
    }

    @Test
    void fallsBackToTheHighestVersionAndSaysWhy() {
        RuntimeChoice tooNew = versions.choose("node", Optional.of(">=24"), "engines.node");
        assertThat(tooNew.image().version()).isEqualTo("22");
        assertThat(tooNew.reason()).isEqualTo("engines.node \">=24\" cannot be met by the catalog (22, 20, 18);"
                + " using the newest");

        RuntimeChoice unreadable = versions.choose("node", Optional.of("banana"), ".nvmrc");
        assertThat(unreadable.image().version()).isEqualTo("22");
        assertThat(unreadable.reason()).contains(".nvmrc \"banana\" is not a version range");

        RuntimeChoice none = versions.choose("node", Optional.empty(), "engines.node");
        assertThat(none.image().version()).isEqualTo("22");
        assertThat(none.reason()).isEqualTo("no engines.node; the newest in the catalog");
    }

    @Test
    void namesTheConstraintItMet() {
        assertThat(versions.choose("node", Optional.of("^20"), "engines.node").reason())
                .isEqualTo("engines.node \"^20\"");
    }

    @Test
    void aDeclaredMinimumIsMetByThatVersionAndLaterOnesAndQuotedAsDeclared() {
        RuntimeChoice met = versions.chooseAtLeast("node", Optional.of("19"), "the build's minimum");
        assertThat(met.image().version()).isEqualTo("22");
        assertThat(met.reason()).isEqualTo("the build's minimum \"19\"");

        RuntimeChoice unmet = versions.chooseAtLeast("node", Optional.of("23"), "the build's minimum");
        assertThat(unmet.image().version()).isEqualTo("22");
        assertThat(unmet.reason()).isEqualTo("the build's minimum \"23\" cannot be met by the catalog (22, 20, 18);"
                + " using the newest");

        assertThat(versions.chooseAtLeast("node", Optional.of(" "), "minimum in the build").reason())
                .isEqualTo("no minimum in the build; the newest in the catalog");
        assertThat(versions.choose("static", Optional.empty(), "").reason()).isEqualTo("the newest in the catalog");
    }

    @Test
    void failsWhenTheCatalogHasNoEntryForTheStack() {
        assertThatThrownBy(() -> versions.choose("cobol", Optional.empty(), "x"))
                .isInstanceOf(BuildFailure.class)
                .hasMessageStartingWith("the runtime catalog has no cobol image");
    }

    @Test
    void comparesVersionsNumerically() {
        RuntimeVersions python = new RuntimeVersions(new ConfiguredRuntimeImages(List.of(
                new RuntimeImage("python", "3.9", "p39", "p39"), new RuntimeImage("python", "3.12", "p312", "p312"))));
        assertThat(python.choose("python", Optional.empty(), "").image().version()).isEqualTo("3.12");
    }

    private String node(String constraint) {
        return versions.choose("node", Optional.of(constraint), "engines.node").image().version();
    }
}
