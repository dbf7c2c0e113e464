package dev.paas.gateway;

import dev.paas.architecture.ServiceArchitecture;
import dev.paas.architecture.ServiceArchitectureTest;

/** The platform's architecture rules, applied to the gateway, whose packages are HTTP filters and endpoints. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(ServiceArchitecture.of("dev.paas.gateway")
                .withHttpAdapters("apitokens", "edge", "ratelimit", "resilience", "security", "webhooks"));
    }
}
