package dev.paas.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.paas.runtime", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noOtherServiceIsImported = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "dev.paas.gateway..", "dev.paas.identity..", "dev.paas.project..", "dev.paas.build..",
            "dev.paas.database..", "dev.paas.metrics..", "dev.paas.billing..")
            .because("services talk only through events");

    @ArchTest
    static final ArchRule domainKnowsNeitherWebNorMessaging = noClasses().that()
            .resideInAPackage("dev.paas.runtime.release..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.paas.runtime.web..",
                    "dev.paas.runtime.messaging..", "dev.paas.messaging..", "org.springframework.web..",
                    "org.springframework.messaging..", "org.springframework.cloud..")
            .because("the release aggregate is plain domain code");

    @ArchTest
    static final ArchRule adaptersDoNotReachIntoEachOther = noClasses().that()
            .resideInAnyPackage("dev.paas.runtime.container..", "dev.paas.runtime.ingress..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.paas.runtime.web..",
                    "dev.paas.runtime.messaging..", "dev.paas.runtime.rollout..", "dev.paas.messaging..")
            .because("the Docker and Caddy clients know nothing about rollouts or transport");

    @ArchTest
    static final ArchRule onlyTheMessagingPackageListensToEvents = noClasses().that()
            .resideOutsideOfPackage("dev.paas.runtime.messaging..")
            .should().dependOnClassesThat().haveFullyQualifiedName("dev.paas.messaging.inbox.EventSubscriptions");
}
