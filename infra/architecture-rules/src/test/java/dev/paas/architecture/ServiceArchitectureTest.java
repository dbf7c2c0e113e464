package dev.paas.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The architecture test every service runs: a service's {@code ArchitectureTest} extends it and names its base
 * package. The service's main classes are imported once per test class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitectureTest {

    private final ServiceArchitecture architecture;
    private final String basePackage;
    private JavaClasses classes;

    protected ServiceArchitectureTest(String basePackage) {
        this.architecture = ServiceArchitecture.of(basePackage);
        this.basePackage = basePackage;
    }

    @Test
    void importsNoOtherService() {
        architecture.importsNoOtherService().check(classes());
    }

    @Test
    protected void featurePackagesKnowNoTransport() {
        architecture.featurePackagesKnowNoTransport().check(classes());
    }

    @Test
    void onlyMessagingSubscribesAndPublishes() {
        architecture.onlyMessagingSubscribesAndPublishes().check(classes());
    }

    /** The service's main classes, for the additional rules a service's own test may keep. */
    protected final JavaClasses classes() {
        if (classes == null) {
            classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages(basePackage);
        }
        return classes;
    }
}
