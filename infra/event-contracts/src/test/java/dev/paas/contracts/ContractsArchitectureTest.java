package dev.paas.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The contracts are plain records every service can read: they depend on the JDK and on each other only. */
class ContractsArchitectureTest {

    @Test
    void dependOnlyOnJavaAndOnThemselves() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("dev.paas.contracts..", "java..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.paas.contracts"));
    }
}
