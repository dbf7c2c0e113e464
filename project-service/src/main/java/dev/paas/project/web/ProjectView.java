package dev.paas.project.web;

import dev.paas.project.deployments.AppStatus;
import dev.paas.project.deployments.Deployment;
import dev.paas.project.projects.AppRuntime;
import dev.paas.project.projects.BuildSettings;
import dev.paas.project.projects.Project;
import java.time.Instant;
import java.util.UUID;

/**
 * A project as the API shows it.
 *
 * @param status what its app is doing ({@link AppStatus}): its latest deployment's status ({@code NEW} without
 *        one), or what runtime-service reported since ({@code RUNNING}, {@code STOPPED}, {@code SUSPENDED},
 *        {@code CRASH_LOOP})
 * @param instances how many replicas serve the app (1 until it is scaled, 0 while stopped, suspended or crash-looping)
 * @param webhook whether pushes to its GitHub repository reach the platform ({@code NONE} when it has none)
 * @param rootDirectory the build settings, as {@code PATCH} sets them ({@code null}: not set, detection decides)
 */
record ProjectView(UUID id, UUID ownerId, String name, String slug, String repoUrl, String branch,
        String githubRepository, boolean autoDeploy, Webhook webhook, String url, String status, int instances,
        UUID latestDeploymentId, Instant createdAt, String rootDirectory, String installCommand,
        String buildCommand, String startCommand, Integer port, String dockerfilePath) {

    static ProjectView of(Project project, String url, Deployment latest, AppRuntime runtime) {
        BuildSettings build = project.buildSettings();
        AppStatus app = AppStatus.of(latest, runtime);
        return new ProjectView(project.id(), project.ownerId(), project.name(), project.slug(), project.repoUrl(),
                project.branch(), project.githubRepository(), project.autoDeploy(),
                new Webhook(project.webhookStatus().name(), project.webhookError()), url,
                app.status(), app.instances(), latest == null ? null : latest.id(),
                project.createdAt(), build.rootDirectory(), build.installCommand(), build.buildCommand(),
                build.startCommand(), build.port(), build.dockerfilePath());
    }

    /** The push webhook: {@code NONE}, {@code PENDING}, {@code REGISTERED} or {@code FAILED} with the reason. */
    record Webhook(String status, String error) {
    }
}
