package dev.paas.project;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.paas", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule doesNotImportOtherServices = noClasses().that().resideInAPackage("dev.paas.project..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.paas.identity..", "dev.paas.build..",
                    "dev.paas.runtime..", "dev.paas.database..", "dev.paas.metrics..", "dev.paas.billing..",
                    "dev.paas.gateway..");

    @ArchTest
    static final ArchRule domainDoesNotImportAdapters = noClasses()
            .that().resideInAnyPackage("dev.paas.project.projects..", "dev.paas.project.deployments..",
                    "dev.paas.project.pushes..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.paas.project.web..", "dev.paas.project.messaging..");

    @ArchTest
    static final ArchRule contractsDependOnNothing = noClasses().that().resideInAPackage("dev.paas.contracts..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.paas.contracts..", "java..");
}
