package dev.paas.database;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.paas", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule doesNotImportOtherServices = noClasses().that().resideInAPackage("dev.paas.database..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.paas.identity..", "dev.paas.project..", "dev.paas.build..", "dev.paas.runtime..", "dev.paas.metrics..", "dev.paas.billing..", "dev.paas.gateway..");

    @ArchTest
    static final ArchRule domainDoesNotImportAdapters = noClasses().that().resideInAPackage("dev.paas.database..")
            .and().resideOutsideOfPackages("dev.paas.database.web..", "dev.paas.database.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.paas.database.web..", "dev.paas.database.messaging..");
}
