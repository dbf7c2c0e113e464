package dev.paas.project.messaging;

/** The name under which project-service's listeners record the events they handled in {@code processed_event}. */
final class ProjectServiceConsumer {

    static final String NAME = "project-service";

    private ProjectServiceConsumer() {
    }
}
