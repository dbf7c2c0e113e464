package dev.paas.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The architecture test every service runs: a service's {@code ArchitectureTest} extends it and names its base
 * package (and, for the gateway, its HTTP adapter packages). The service's main classes are imported once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitectureTest {

    private final ServiceArchitecture architecture;
    private JavaClasses classes;

    /** The rules for the service under {@code basePackage}, e.g. {@code dev.paas.billing}. */
    protected ServiceArchitectureTest(String basePackage) {
        this(ServiceArchitecture.of(basePackage));
    }

    /** The rules as a service configured them (the gateway declares its HTTP adapter packages). */
    protected ServiceArchitectureTest(ServiceArchitecture architecture) {
        this.architecture = architecture;
    }

    @Test
    void importsNoOtherService() {
        architecture.importsNoOtherService().check(classes());
    }

    @Test
    protected void featurePackagesKnowNoMessaging() {
        architecture.featurePackagesKnowNoMessaging().check(classes());
    }

    @Test
    void featurePackagesKnowNoHttp() {
        architecture.featurePackagesKnowNoHttp().check(classes());
    }

    @Test
    protected void onlyMessagingSubscribesAndPublishes() {
        architecture.onlyMessagingSubscribesAndPublishes().check(classes());
    }

    @Test
    void repositoriesArePackagePrivate() {
        architecture.repositoriesArePackagePrivate().check(classes());
    }

    /** The service's main classes, for the additional rules a service's own test may keep. */
    protected final JavaClasses classes() {
        if (classes == null) {
            classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages(architecture.basePackage());
        }
        return classes;
    }
}
