package dev.paas.project.deployments;

import dev.paas.project.projects.AppRuntime;
import java.time.Instant;

/**
 * What a project's app is doing, as the API shows it: its latest deployment's status ({@code NEW} without one),
 * unless runtime-service reported a state since that deployment was requested and since it went live, which then
 * wins ({@code STOPPED}, {@code SUSPENDED}, {@code CRASH_LOOP}, or {@code RUNNING} again when it was started). A new
 * deployment therefore shows its own progress, and its going live ends a stop or a crash loop reported before.
 *
 * @param status {@code NEW}, a {@link DeploymentStatus}, or a runtime state
 * @param instances the replicas serving the app: the number it was last started or scaled to (1 until then), 0 while
 *        a reported stop, suspension or crash loop holds
 */
public record AppStatus(String status, int instances) {

    /** Derives the status from the project's {@code latest} deployment ({@code null}: none) and its {@code runtime}. */
    public static AppStatus of(Deployment latest, AppRuntime runtime) {
        String fromDeployments = latest == null ? "NEW" : latest.status().name();
        if (runtime.state() == null || !reportedSince(latest, runtime.at())) {
            return new AppStatus(fromDeployments, runtime.instances());
        }
        return switch (runtime.state()) {
            case RUNNING -> new AppStatus(AppRuntime.State.RUNNING.name(), runtime.instances());
            case STOPPED, SUSPENDED, CRASH_LOOP -> new AppStatus(runtime.state().name(), 0);
        };
    }

    private static boolean reportedSince(Deployment latest, Instant reportedAt) {
        if (latest == null) {
            return true;
        }
        Instant since = latest.createdAt();
        boolean wentLive = latest.status() == DeploymentStatus.RUNNING || latest.status() == DeploymentStatus.REPLACED;
        if (wentLive && latest.finishedAt() != null && latest.finishedAt().isAfter(since)) {
            since = latest.finishedAt();
        }
        return reportedAt.isAfter(since);
    }
}
