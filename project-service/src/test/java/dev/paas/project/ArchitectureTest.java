package dev.paas.project;

import dev.paas.architecture.ServiceArchitectureTest;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** The platform's architecture rules, applied to project. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("dev.paas.project");
    }

    /** TEMPORARY freeze: the integrator deletes this override when the event-boundary branch is merged. */
    @Test
    @Disabled("TEMPORARY: fails until the project-service event-boundary branch is merged")
    @Override
    protected void featurePackagesKnowNoMessaging() {
        super.featurePackagesKnowNoMessaging();
    }

    /** TEMPORARY freeze: the integrator deletes this override when the event-boundary branch is merged. */
    @Test
    @Disabled("TEMPORARY: fails until the project-service event-boundary branch is merged")
    @Override
    protected void onlyMessagingSubscribesAndPublishes() {
        super.onlyMessagingSubscribesAndPublishes();
    }
}
