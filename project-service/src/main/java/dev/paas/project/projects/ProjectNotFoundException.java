package dev.paas.project.projects;

import java.util.UUID;

/** No project with that id (or none the caller may see). */
public class ProjectNotFoundException extends RuntimeException {

    public ProjectNotFoundException(UUID id) {
        super("project " + id + " not found");
    }
}
