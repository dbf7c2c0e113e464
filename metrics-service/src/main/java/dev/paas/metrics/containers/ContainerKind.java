package dev.paas.metrics.containers;

/** What a sampled container is: one replica of a project's app, or a managed database. */
public enum ContainerKind {
    APP, DATABASE
}
