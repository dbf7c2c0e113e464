package dev.paas.identity.web;

import dev.paas.identity.github.GitHubNotConfiguredException;
import dev.paas.identity.github.GitHubNotLinkedException;
import dev.paas.identity.github.GitHubRepositoryNotFoundException;
import dev.paas.identity.github.GitHubUnavailableException;
import dev.paas.identity.github.InvalidLoginCodeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** GitHub-specific errors as RFC 9457 problem details; the rest is {@link ApiProblems}'. */
@RestControllerAdvice(assignableTypes = GitHubController.class)
class GitHubProblems {

    @ExceptionHandler(GitHubNotLinkedException.class)
    ProblemDetail notLinked(GitHubNotLinkedException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, e.relink() ? "GitHub link expired" : "GitHub not linked",
                e.getMessage());
        problem.setProperty("linkUrl", "/api/v1/auth/github/authorize");
        return problem;
    }

    @ExceptionHandler(GitHubRepositoryNotFoundException.class)
    ProblemDetail notFound(GitHubRepositoryNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(GitHubUnavailableException.class)
    ProblemDetail unavailable(GitHubUnavailableException e) {
        return problem(HttpStatus.BAD_GATEWAY, "GitHub unavailable", e.getMessage());
    }

    @ExceptionHandler(GitHubNotConfiguredException.class)
    ProblemDetail notConfigured(GitHubNotConfiguredException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "GitHub sign-in not configured", e.getMessage());
    }

    @ExceptionHandler(InvalidLoginCodeException.class)
    ResponseEntity<ProblemDetail> invalidCode(InvalidLoginCodeException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .body(problem(HttpStatus.UNAUTHORIZED, "Unauthorized", e.getMessage()));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
