package dev.paas.build;

import dev.paas.architecture.ServiceArchitectureTest;

/** The platform's architecture rules, applied to build. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("dev.paas.build");
    }
}
