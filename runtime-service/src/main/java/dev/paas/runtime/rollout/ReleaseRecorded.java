package dev.paas.runtime.rollout;

import java.util.UUID;

/** A new release is waiting for the rollout worker (in-process only). */
record ReleaseRecorded(UUID deploymentId) {
}
