package dev.paas.runtime.domains;

import java.util.UUID;

/**
 * The host names of the project changed: a custom domain was added or removed. Published after the change
 * committed, so a listener reading {@code ProjectHosts} sees the new list; the ingress rewrites the project's route.
 * Listeners run on the committing thread after the commit: what they write needs a transaction of its own
 * ({@code REQUIRES_NEW}), and what they throw is logged, not returned to the caller.
 */
public record ProjectHostsChanged(UUID projectId) {
}
