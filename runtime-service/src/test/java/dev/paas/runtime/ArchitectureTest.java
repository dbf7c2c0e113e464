package dev.paas.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import dev.paas.architecture.ServiceArchitectureTest;
import org.junit.jupiter.api.Test;

/** The platform's architecture rules, applied to runtime, plus one of its own. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("dev.paas.runtime");
    }

    @Test
    void dockerAndCaddyClientsKnowNothingAboutRollouts() {
        noClasses().that().resideInAnyPackage("dev.paas.runtime.container..", "dev.paas.runtime.ingress..")
                .should().dependOnClassesThat().resideInAPackage("dev.paas.runtime.rollout..")
                .because("the Docker and Caddy clients are reused by every rollout strategy")
                .check(classes());
    }
}
