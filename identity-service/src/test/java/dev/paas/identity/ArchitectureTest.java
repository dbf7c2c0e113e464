package dev.paas.identity;

import dev.paas.architecture.ServiceArchitectureTest;

/** The platform's architecture rules, applied to identity. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("dev.paas.identity");
    }
}
