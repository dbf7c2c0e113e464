package dev.paas.project.web;

import dev.paas.project.capacity.HostCapacity;
import dev.paas.project.deployments.DeploymentService;
import dev.paas.security.CurrentUser;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads the caller's deployments. Their build logs are served by build-service under the same path prefix. */
@RestController
@RequestMapping("/api/v1/deployments")
class DeploymentsController {

    private final DeploymentService deployments;
    private final HostCapacity capacity;

    DeploymentsController(DeploymentService deployments, HostCapacity capacity) {
        this.deployments = deployments;
        this.capacity = capacity;
    }

    @GetMapping("/{id}")
    DeploymentView get(@PathVariable UUID id, CurrentUser user) {
        return DeploymentView.of(deployments.get(id, user.id()), capacity.waitingFor());
    }
}
