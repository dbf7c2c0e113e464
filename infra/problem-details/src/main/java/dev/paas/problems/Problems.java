package dev.paas.problems;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one factory of the platform's RFC 9457 problems and the texts every service and the gateway answer with. The
 * conventions: {@code type} is {@code about:blank}, so {@code title} is the status's reason phrase ("Not Found");
 * {@code detail} is a sentence for the user in lower case, naming what is wrong and, where there is one, what to do;
 * {@code instance} is the request path; extra members (an {@code errors} list, {@code retryAfterSeconds}) follow.
 */
public final class Problems {

    /** The one 403 text of the security filters, on the gateway and in every service. */
    public static final String FORBIDDEN = "you may not call this endpoint: it needs the admin role or is internal";
    /** The 401 text when no token was sent. */
    public static final String TOKEN_MISSING =
            "this endpoint needs a bearer token: send 'Authorization: Bearer <access token>'";
    /** The 503 text when the key set that verifies access tokens cannot be fetched. */
    public static final String SIGNING_KEYS_UNAVAILABLE =
            "identity-service is unavailable right now (its signing keys cannot be fetched); try again shortly";

    private Problems() {
    }

    /** A problem of {@code status} explaining {@code detail}, following the conventions above. */
    public static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("about:blank"));
        problem.setTitle(status.getReasonPhrase());
        problem.setDetail(detail);
        return problem;
    }

    /** The problem a {@link ProblemException} stands for, with its extra members. */
    public static ProblemDetail of(ProblemException exception) {
        ProblemDetail problem = problem(status(exception), exception.getMessage());
        if (exception instanceof InvalidInput invalid) {
            problem.setProperty("errors", List.of(fieldError(invalid.field(), invalid.problem())));
        }
        if (exception instanceof TooManyRequests throttled) {
            problem.setProperty("retryAfterSeconds", throttled.retryAfterSeconds());
        }
        if (exception instanceof QuotaExceeded quota) {
            problem.setTitle("Quota exceeded");
            problem.setProperty("limit", quota.limit());
            problem.setProperty("plan", quota.plan());
            problem.setProperty("allowed", quota.allowed());
        }
        exception.properties().forEach(problem::setProperty);
        return problem;
    }

    /** The status each kind of {@link ProblemException} is answered with. */
    public static HttpStatus status(ProblemException exception) {
        return switch (exception) {
            case InvalidInput ignored -> HttpStatus.BAD_REQUEST;
            case Unauthorized ignored -> HttpStatus.UNAUTHORIZED;
            case Forbidden ignored -> HttpStatus.FORBIDDEN;
            case NotFound ignored -> HttpStatus.NOT_FOUND;
            case Conflict ignored -> HttpStatus.CONFLICT;
            case TooManyRequests ignored -> HttpStatus.TOO_MANY_REQUESTS;
            case Unavailable ignored -> HttpStatus.SERVICE_UNAVAILABLE;
            case BadGateway ignored -> HttpStatus.BAD_GATEWAY;
            case PaymentRequired ignored -> HttpStatus.PAYMENT_REQUIRED;
        };
    }

    /** One entry of a 400's {@code errors} list: the JSON field as the client sent it and what is wrong with it. */
    public static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    /** 401 without a token. */
    public static ProblemDetail tokenMissing() {
        return problem(HttpStatus.UNAUTHORIZED, TOKEN_MISSING);
    }

    /** 401 for a token that was sent but refused; {@code why} is the verifier's reason, or {@code null}. */
    public static ProblemDetail tokenRejected(String why) {
        return problem(HttpStatus.UNAUTHORIZED, "the access token was rejected" + (why == null ? "" : ": " + why)
                + "; sign in again or refresh it");
    }

    /** 403 of the security filters. */
    public static ProblemDetail forbidden() {
        return problem(HttpStatus.FORBIDDEN, FORBIDDEN);
    }

    /** 413 for a body above {@code limitBytes}. */
    public static ProblemDetail tooLarge(long limitBytes) {
        return problem(HttpStatus.CONTENT_TOO_LARGE,
                "the request body is larger than " + limitBytes + " bytes, the most this endpoint accepts");
    }

    /** 503 naming the platform service that cannot be reached. */
    public static ProblemDetail serviceUnavailable(String service) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, service + " is unavailable right now; try again shortly");
    }

    /** 503 when access tokens cannot be verified because the signing keys cannot be fetched. */
    public static ProblemDetail signingKeysUnavailable() {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, SIGNING_KEYS_UNAVAILABLE);
    }
}
