package dev.paas.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.paas", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule doesNotImportServices = noClasses().that().resideInAPackage("dev.paas.gateway..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.paas.identity..", "dev.paas.project..",
                    "dev.paas.build..", "dev.paas.runtime..", "dev.paas.database..", "dev.paas.metrics..",
                    "dev.paas.billing..");
}
