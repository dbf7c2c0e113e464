package dev.paas.problems;

/**
 * The caller could not be recognised (401): wrong credentials, an invalid refresh token or login code. Answers
 * must not tell why in a way that reveals whether an account exists.
 */
public non-sealed class Unauthorized extends ProblemException {

    public Unauthorized(String detail) {
        super(detail, null);
    }
}
