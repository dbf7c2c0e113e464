package dev.paas.runtime.databases;

import java.time.Instant;
import java.util.UUID;

/**
 * One variable a linked database gives a project, in clear text.
 *
 * @param databaseId the database that gives it
 * @param prefix the prefix of the link ({@code DATABASE})
 * @param name its name ({@code DATABASE_URL})
 * @param value its value; credentials among them
 * @param linkedAt when the link's variables were last received
 */
public record LinkedVariable(UUID databaseId, String prefix, String name, String value, Instant linkedAt) {

    /** Without the value, which must never reach a log. */
    @Override
    public String toString() {
        return "LinkedVariable[databaseId=" + databaseId + ", prefix=" + prefix + ", name=" + name + ", linkedAt="
                + linkedAt + "]";
    }
}
