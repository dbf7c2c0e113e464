package dev.paas.problems;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error a caller caused or must know about, thrown by feature code that imports no web code; the servlet
 * services' one handler turns each kind into its RFC 9457 problem. The message is the problem's {@code detail}, shown
 * to the caller as it is, so it never carries a secret. Domain exceptions with a meaning of their own extend one of
 * the kinds ({@code EmailTaken extends Conflict}).
 */
public abstract sealed class ProblemException extends RuntimeException
        permits InvalidInput, Unauthorized, Forbidden, NotFound, Conflict, TooManyRequests, Unavailable, BadGateway,
        PaymentRequired {

    private final Map<String, Object> properties = new LinkedHashMap<>();

    ProblemException(String detail, Throwable cause) {
        super(detail, cause);
    }

    /**
     * Adds a member to the problem besides type, title, status and detail (a link to follow, a number to wait).
     *
     * @return this exception, to be thrown
     */
    public final ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** The extra members of the problem, in the order they were added. */
    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }
}
