package dev.paas.runtime.domains;

import java.util.UUID;

/**
 * The host names of the project changed: a custom domain was added or removed. Published after the change
 * committed, so a listener reading {@code ProjectHosts} sees the new list; the ingress rewrites the project's route.
 */
public record ProjectHostsChanged(UUID projectId) {
}
