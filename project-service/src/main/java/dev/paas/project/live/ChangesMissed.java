package dev.paas.project.live;

/**
 * This replica was not listening for a while (PostgreSQL restarted, the connection broke) and may have missed
 * changes: live streams tell their clients to read everything again.
 */
public record ChangesMissed() {
}
