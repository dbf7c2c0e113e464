package dev.paas.runtime.ingress;

import java.util.List;
import java.util.UUID;

/** The host names a project's route answers to. */
public interface ProjectHosts {

    /** {@code <slug>.<base-domain>} first, then any other host names the project is served under. */
    List<String> hostsOf(UUID projectId, String slug);
}
