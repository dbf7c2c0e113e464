package dev.paas.problems;

/** The request is valid but clashes with the current state (409): a taken e-mail, the last admin. Changes nothing. */
public non-sealed class Conflict extends ProblemException {

    public Conflict(String detail) {
        super(detail, null);
    }
}
