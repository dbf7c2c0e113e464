package dev.paas.database;

import dev.paas.architecture.ServiceArchitectureTest;

/** The platform's architecture rules, applied to database. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("dev.paas.database");
    }
}
