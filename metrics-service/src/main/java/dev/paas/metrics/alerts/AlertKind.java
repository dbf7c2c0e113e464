package dev.paas.metrics.alerts;

/** What fired an alert; the names travel in {@code AlertRaised.kind}. */
public enum AlertKind {
    CONTAINER_MEMORY, CONTAINER_CPU, CRASH_LOOP, DEPLOYMENT_FAILED, BACKUP_FAILED, HOST_CPU, HOST_MEMORY, HOST_DISK
}
