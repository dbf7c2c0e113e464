package dev.paas.billing;

import dev.paas.architecture.ServiceArchitectureTest;

/** The platform's architecture rules, applied to billing. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("dev.paas.billing");
    }
}
