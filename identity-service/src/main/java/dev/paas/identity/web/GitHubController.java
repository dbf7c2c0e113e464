package dev.paas.identity.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paas.identity.github.BranchSummary;
import dev.paas.identity.github.GitHubRepositories;
import dev.paas.identity.github.GitHubSignIn;
import dev.paas.identity.github.RepositorySummary;
import dev.paas.identity.sessions.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in with GitHub (public: authorize, callback, exchange) and the caller's GitHub repositories and branches
 * for the project picker. No response ever contains a GitHub token.
 */
@RestController
class GitHubController {

    private final GitHubSignIn signIn;
    private final GitHubRepositories repositories;

    GitHubController(GitHubSignIn signIn, GitHubRepositories repositories) {
        this.signIn = signIn;
        this.repositories = repositories;
    }

    record ExchangeRequest(String code) {
    }

    /** A repository as the picker lists it. */
    record RepositoryView(String fullName, String name, String owner, @JsonProperty("private") boolean isPrivate,
            String defaultBranch, String cloneUrl, String htmlUrl, boolean canAdmin) {

        static RepositoryView of(RepositorySummary repository) {
            return new RepositoryView(repository.fullName(), repository.name(), repository.owner(),
                    repository.isPrivate(), repository.defaultBranch(), repository.cloneUrl(), repository.htmlUrl(),
                    repository.canAdmin());
        }
    }

    /**
     * Sends the browser to GitHub. With a bearer token, GitHub is linked to that account instead of signing in;
     * {@code format=json} answers the URL for scripts that navigate themselves.
     */
    @GetMapping("/api/v1/auth/github/authorize")
    ResponseEntity<?> authorize(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(name = "format", required = false) String format) {
        String url = signIn.authorizeUrl(jwt == null ? null : Callers.idOf(jwt));
        if ("json".equals(format)) {
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("authorizeUrl", url));
        }
        return redirect(url);
    }

    @GetMapping("/api/v1/auth/github/callback")
    ResponseEntity<Void> callback(@RequestParam(name = "code", required = false) String code,
            @RequestParam(name = "state", required = false) String state,
            @RequestParam(name = "error", required = false) String error, HttpServletRequest request) {
        return redirect(signIn.callback(code, state, error, ClientAddress.of(request)));
    }

    @PostMapping("/api/v1/auth/github/exchange")
    SessionView exchange(@RequestBody ExchangeRequest body, HttpServletRequest request) {
        SignedIn signedIn = signIn.exchange(body.code(), ClientAddress.of(request));
        return SessionView.of(signedIn.account(), signedIn.tokens());
    }

    @GetMapping("/api/v1/github/repositories")
    List<RepositoryView> repositories(@AuthenticationPrincipal Jwt jwt) {
        return repositories.repositories(Callers.idOf(jwt)).stream().map(RepositoryView::of).toList();
    }

    @GetMapping("/api/v1/github/repositories/{owner}/{repo}/branches")
    List<BranchSummary> branches(@AuthenticationPrincipal Jwt jwt, @PathVariable("owner") String owner,
            @PathVariable("repo") String repo) {
        return repositories.branches(Callers.idOf(jwt), owner, repo);
    }

    private static <T> ResponseEntity<T> redirect(String location) {
        // The URL carries a state or a one-time code: never cache it, never leak it to the next site as referrer.
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(location))
                .cacheControl(CacheControl.noStore()).header("Referrer-Policy", "no-referrer").build();
    }
}
