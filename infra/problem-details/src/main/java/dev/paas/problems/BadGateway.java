package dev.paas.problems;

/** A service outside the platform (GitHub) failed or could not be reached while answering this request (502). */
public non-sealed class BadGateway extends ProblemException {

    public BadGateway(String detail, Throwable cause) {
        super(detail, cause);
    }
}
