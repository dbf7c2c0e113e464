package dev.paas.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The rule set against two small fixtures: one shaped as the house style says, one that is not. */
class ServiceArchitectureRulesTest {

    private static final String CLEAN = "dev.paas.architecture.fixture.clean";
    private static final String TANGLED = "dev.paas.architecture.fixture.tangled";

    @Test
    void acceptsAServiceWhoseAdaptersAloneKnowTheTransport() {
        ServiceArchitecture rules = ServiceArchitecture.of(CLEAN);
        JavaClasses classes = new ClassFileImporter().importPackages(CLEAN);

        assertThatCode(() -> {
            rules.importsNoOtherService().check(classes);
            rules.featurePackagesKnowNoMessaging().check(classes);
            rules.featurePackagesKnowNoHttp().check(classes);
            rules.onlyMessagingSubscribesAndPublishes().check(classes);
        }).doesNotThrowAnyException();
    }

    @Test
    void rejectsAFeaturePackageThatImportsTheWebAdapter() {
        JavaClasses classes = new ClassFileImporter().importPackages(TANGLED);

        assertThatThrownBy(() -> ServiceArchitecture.of(TANGLED).featurePackagesKnowNoHttp().check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Orders.place")
                .hasMessageContaining("OrderView");
    }

    @Test
    void letsADeclaredHttpAdapterPackageUseTheWebAdapter() {
        JavaClasses classes = new ClassFileImporter().importPackages(TANGLED);

        assertThatCode(() -> ServiceArchitecture.of(TANGLED).withHttpAdapters("orders").featurePackagesKnowNoHttp()
                .check(classes)).doesNotThrowAnyException();
    }
}
