package dev.paas.project.web;

import dev.paas.project.capacity.HostCapacity;
import dev.paas.project.deployments.Deployment;
import dev.paas.project.deployments.DeploymentService;
import dev.paas.project.projects.Project;
import dev.paas.project.projects.ProjectRegistration;
import org.springframework.stereotype.Component;

/** Projects and deployments as the API shows them, for the REST answers and the live stream alike. */
@Component
class ProjectViews {

    private final ProjectRegistration registration;
    private final DeploymentService deployments;
    private final HostCapacity capacity;

    ProjectViews(ProjectRegistration registration, DeploymentService deployments, HostCapacity capacity) {
        this.registration = registration;
        this.deployments = deployments;
        this.capacity = capacity;
    }

    ProjectView of(Project project) {
        return ProjectView.of(project, registration.urlOf(project), deployments.latestOf(project.id()).orElse(null),
                registration.runtimeOf(project.id()));
    }

    DeploymentView of(Deployment deployment) {
        return DeploymentView.of(deployment, capacity.waitingFor());
    }
}
