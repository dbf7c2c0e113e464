package dev.paas.runtime.environment;

import java.util.List;
import java.util.UUID;

/** What happens to a project's environment, published inside the transaction that changed it. */
public final class EnvironmentEvents {

    private EnvironmentEvents() {
    }

    /** How a change touched the set. */
    public enum Action {
        /** Keys were added or changed. */
        SET,
        /** A key was removed. */
        DELETED,
        /** The whole set was replaced. */
        REPLACED
    }

    /**
     * Variables were changed through the API. Names the keys only, never a value.
     *
     * @param projectId the project
     * @param ownerId its owner
     * @param actorId the user who made the change
     * @param action how the set was changed
     * @param keys the keys added, changed or removed, sorted
     */
    public record Changed(UUID projectId, UUID ownerId, UUID actorId, Action action, List<String> keys) {

        public Changed {
            keys = List.copyOf(keys);
        }
    }
}
