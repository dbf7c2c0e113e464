package dev.paas.contracts.runtime;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * The deployment's container answers HTTP and the ingress routes the project's host name to it: the
 * deployment is live.
 *
 * @param deploymentId the deployment
 * @param projectId the project
 * @param containerId the Docker container id
 * @param url the public URL it is served at
 */
@EventType(name = "runtime.container-healthy", version = 1)
public record ContainerHealthy(UUID deploymentId, UUID projectId, String containerId, String url)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return deploymentId.toString();
    }
}
