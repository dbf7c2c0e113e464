package dev.paas.project.projects;

import java.util.UUID;
import java.util.function.Consumer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps each GitHub project's webhook status in step with what identity-service reports. */
@Service
public class ProjectWebhooks {

    private static final Log log = LogFactory.getLog(ProjectWebhooks.class);

    private final Projects projects;

    ProjectWebhooks(Projects projects) {
        this.projects = projects;
    }

    @Transactional
    public void registered(UUID projectId) {
        update(projectId, Project::webhookRegistered);
    }

    @Transactional
    public void failed(UUID projectId, String reason) {
        update(projectId, project -> project.webhookFailed(reason));
    }

    private void update(UUID projectId, Consumer<Project> change) {
        projects.findById(projectId).ifPresentOrElse(project -> {
            change.accept(project);
            projects.save(project);
        }, () -> log.warn("ignoring a webhook report for unknown project " + projectId));
    }
}
