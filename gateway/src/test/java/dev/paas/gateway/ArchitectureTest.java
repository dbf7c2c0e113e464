package dev.paas.gateway;

import dev.paas.architecture.ServiceArchitecture;
import dev.paas.architecture.ServiceArchitectureTest;

/** The platform's architecture rules, applied to the gateway, whose edge packages are HTTP filters. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(ServiceArchitecture.of("dev.paas.gateway")
                .withHttpAdapters("apitokens", "edge", "ratelimit", "resilience", "security"));
    }
}
