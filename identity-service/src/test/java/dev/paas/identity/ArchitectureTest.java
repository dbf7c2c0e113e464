package dev.paas.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.paas", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule doesNotImportOtherServices = noClasses().that().resideInAPackage("dev.paas.identity..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.paas.project..", "dev.paas.build..", "dev.paas.runtime..", "dev.paas.database..", "dev.paas.metrics..", "dev.paas.billing..", "dev.paas.gateway..");

    @ArchTest
    static final ArchRule domainDoesNotImportAdapters = noClasses().that().resideInAPackage("dev.paas.identity..")
            .and().resideOutsideOfPackages("dev.paas.identity.web..", "dev.paas.identity.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.paas.identity.web..", "dev.paas.identity.messaging..");
}
