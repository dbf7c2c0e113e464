package dev.paas.project.projects;

/**
 * Whether pushes to a project's GitHub repository reach the platform: {@code NONE} for projects not picked from
 * GitHub, {@code PENDING} until identity-service reports on the hook it registers, then {@code REGISTERED} or
 * {@code FAILED}.
 */
public enum WebhookStatus {
    NONE, PENDING, REGISTERED, FAILED
}
