package dev.paas.build;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The service's boundaries: no other service, and a domain that knows neither HTTP nor messaging. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.paas");

    @Test
    void importsNoOtherService() {
        noClasses().that().resideInAPackage("dev.paas.build..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.paas.gateway..", "dev.paas.identity..",
                        "dev.paas.project..", "dev.paas.runtime..", "dev.paas.database..", "dev.paas.metrics..",
                        "dev.paas.billing..")
                .check(CLASSES);
    }

    @Test
    void domainKnowsNeitherWebNorMessaging() {
        noClasses().that().resideInAnyPackage("dev.paas.build.builds..", "dev.paas.build.source..",
                        "dev.paas.build.stack..", "dev.paas.build.image..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.paas.build.web..",
                        "dev.paas.build.messaging..", "dev.paas.messaging..", "org.springframework.web..",
                        "org.springframework.messaging..", "org.springframework.cloud.stream..", "io.nats..")
                .check(CLASSES);
    }

    @Test
    void onlyTheMessagingAdapterTalksToTheMessagingModule() {
        noClasses().that().resideOutsideOfPackage("dev.paas.build.messaging..")
                .and().resideInAPackage("dev.paas.build..")
                .should().dependOnClassesThat().resideInAPackage("dev.paas.messaging..")
                .check(CLASSES);
    }

    @Test
    void adaptersDoNotTalkToEachOther() {
        noClasses().that().resideInAPackage("dev.paas.build.web..")
                .should().dependOnClassesThat().resideInAPackage("dev.paas.build.messaging..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("dev.paas.build.messaging..")
                .should().dependOnClassesThat().resideInAPackage("dev.paas.build.web..")
                .check(CLASSES);
    }

    @Test
    void publishedContractsAreOnlyProducedByTheMessagingAdapter() {
        classes().that().resideInAPackage("dev.paas.contracts.build..")
                .should().onlyHaveDependentClassesThat().resideInAnyPackage("dev.paas.contracts..",
                        "dev.paas.build.messaging..")
                .check(CLASSES);
    }
}
