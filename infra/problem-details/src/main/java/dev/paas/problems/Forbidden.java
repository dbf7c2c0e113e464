package dev.paas.problems;

/**
 * The caller is known but may not do this (403), for a reason of its own such as a disabled account. Plain access
 * denials of the security filters use {@link Problems#forbidden()} instead.
 */
public non-sealed class Forbidden extends ProblemException {

    public Forbidden(String detail) {
        super(detail, null);
    }
}
