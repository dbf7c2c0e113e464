package dev.paas.gateway.edge;

import java.util.Arrays;
import java.util.List;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Path patterns matched the way the gateway's routes and Spring Security match them: against the decoded path
 * segments. Comparing raw strings instead would let {@code /%61pi/v1/auth/login} slip past a check that the route
 * still sends to identity-service.
 */
public final class RequestPaths {

    private final List<PathPattern> patterns;

    private RequestPaths(List<PathPattern> patterns) {
        this.patterns = patterns;
    }

    /** Matches a request whose path matches any of {@code patterns}. */
    public static RequestPaths of(String... patterns) {
        return new RequestPaths(Arrays.stream(patterns).map(PathPatternParser.defaultInstance::parse).toList());
    }

    /** Whether the request's path matches one of the patterns. */
    public boolean matches(ServerHttpRequest request) {
        var path = request.getPath().pathWithinApplication();
        return patterns.stream().anyMatch(pattern -> pattern.matches(path));
    }
}
