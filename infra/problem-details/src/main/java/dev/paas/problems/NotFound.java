package dev.paas.problems;

/**
 * No {@code kind} with this id, or none the caller may see (404). Someone else's resource must be answered exactly
 * like an unknown one, so the detail depends on the kind and the id only: "project 0192… not found".
 */
public non-sealed class NotFound extends ProblemException {

    /** Detail "{@code <kind> <id> not found}". */
    public NotFound(String kind, Object id) {
        super(kind + " " + id + " not found", null);
    }

    /**
     * Detail "{@code <kind> <id> not found: <reason>}", when the caller needs to know why a thing may not be there
     * yet; the reason must be the same for another user's id and an unknown one.
     */
    public NotFound(String kind, Object id, String reason) {
        super(kind + " " + id + " not found: " + reason, null);
    }
}
