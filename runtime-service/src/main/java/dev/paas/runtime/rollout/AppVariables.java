package dev.paas.runtime.rollout;

import java.util.Map;
import java.util.UUID;

/** The environment variables a project's containers start with (decrypted), {@code PORT} aside. */
@FunctionalInterface
public interface AppVariables {

    Map<String, String> of(UUID projectId);
}
