package dev.paas.problems;

/**
 * A request value the caller got wrong (400), found by feature code rather than by bean validation; names the JSON
 * field so the API can point at it. Changes nothing.
 */
public non-sealed class InvalidInput extends ProblemException {

    private final String field;
    private final String problem;

    /** {@code new InvalidInput("branch", "must not be empty")}: detail "branch must not be empty". */
    public InvalidInput(String field, String problem) {
        super(field + " " + problem, null);
        this.field = field;
        this.problem = problem;
    }

    /** The JSON field at fault, as the client sent it. */
    public String field() {
        return field;
    }

    /** What is wrong with the field, without its name ("must not be empty"). */
    public String problem() {
        return problem;
    }
}
