package dev.paas.project.deployments;

import java.util.UUID;

/** No deployment with that id (or none the caller may see). */
public class DeploymentNotFoundException extends RuntimeException {

    public DeploymentNotFoundException(UUID id) {
        super("deployment " + id + " not found");
    }
}
