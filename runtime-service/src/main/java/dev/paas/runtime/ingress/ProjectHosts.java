package dev.paas.runtime.ingress;

import java.util.List;
import java.util.UUID;

/** The host names a project is served under: {@code <slug>.<base-domain>} first, then its custom domains. */
public interface ProjectHosts {

    List<String> hostsOf(UUID projectId, String slug);
}
