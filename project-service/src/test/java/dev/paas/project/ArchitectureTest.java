package dev.paas.project;

import dev.paas.architecture.ServiceArchitectureTest;

/** The platform's architecture rules, applied to project. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("dev.paas.project");
    }
}
