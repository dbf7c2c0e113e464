package dev.paas.problems;

/**
 * Something the platform needs is missing or down (503): not configured, or a dependency that cannot be reached.
 * The caller did nothing wrong and may retry later.
 */
public non-sealed class Unavailable extends ProblemException {

    public Unavailable(String detail) {
        super(detail, null);
    }
}
