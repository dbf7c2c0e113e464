package dev.paas.metrics;

import dev.paas.architecture.ServiceArchitectureTest;

/** The platform's architecture rules, applied to metrics. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("dev.paas.metrics");
    }
}
