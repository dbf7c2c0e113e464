package dev.paas.problems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes a problem straight into a servlet response, for servlet filters (the security entry points) that answer
 * before any controller or its advice could. Rendered by {@link ProblemJson}.
 */
public final class ServletProblems {

    private ServletProblems() {
    }

    /** Ends {@code response} with {@code problem}; its {@code instance} becomes the request path. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        byte[] body = ProblemJson.bytes(problem);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
