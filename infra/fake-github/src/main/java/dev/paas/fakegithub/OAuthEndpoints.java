package dev.paas.fakegithub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * GitHub's OAuth web flow: {@code GET /login/oauth/authorize} approves for the user the test signed in and
 * redirects back with a code; {@code POST /login/oauth/access_token} exchanges the code once, checking the client
 * secret, the redirect URI and the PKCE S256 verifier. Like GitHub, the token endpoint answers 200 with an
 * {@code error} field when the exchange fails, as JSON when asked for JSON and form-encoded otherwise.
 */
final class OAuthEndpoints implements HttpHandler {

    private final FakeGitHub github;

    OAuthEndpoints(FakeGitHub github) {
        this.github = github;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = Exchanges.body(exchange);
            github.recordRequest(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/login/oauth/authorize") && exchange.getRequestMethod().equals("GET")) {
                authorize(exchange);
            } else if (path.equals("/login/oauth/access_token") && exchange.getRequestMethod().equals("POST")) {
                accessToken(exchange, body);
            } else {
                Exchanges.json(exchange, 404, Map.of("message", "Not Found"));
            }
        }
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = Exchanges.form(exchange.getRequestURI().getRawQuery());
        if (!github.clientId().equals(query.get("client_id"))) {
            Exchanges.text(exchange, 400, "unknown client_id '" + query.get("client_id") + "'");
            return;
        }
        String redirectUri = query.get("redirect_uri");
        if (redirectUri == null || !(redirectUri.startsWith("http://") || redirectUri.startsWith("https://"))) {
            Exchanges.text(exchange, 400, "redirect_uri is missing or not an http(s) URL");
            return;
        }
        String challenge = query.get("code_challenge");
        if (challenge == null || challenge.isBlank() || !"S256".equals(query.get("code_challenge_method"))) {
            Exchanges.text(exchange, 400, "this app requires PKCE: code_challenge with code_challenge_method=S256");
            return;
        }
        Map<String, String> answer = new LinkedHashMap<>();
        GitHubUser user = github.signedInUser();
        if (user == null) {
            answer.put("error", "access_denied");
            answer.put("error_description", "The user has denied your application access.");
        } else {
            answer.put("code", github.newCode(user, redirectUri, challenge, scopes(query.get("scope"))));
        }
        answer.put("state", query.get("state"));
        Exchanges.redirect(exchange, redirectUri + (redirectUri.contains("?") ? "&" : "?") + Exchanges.encodeForm(answer));
    }

    private void accessToken(HttpExchange exchange, String body) throws IOException {
        Map<String, String> form = Exchanges.form(body);
        Exchanges.form(exchange.getRequestURI().getRawQuery()).forEach(form::putIfAbsent);
        boolean json = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Accept")).orElse("")
                .contains("application/json");
        if (!github.clientId().equals(form.get("client_id")) || !github.clientSecret().equals(form.get("client_secret"))) {
            error(exchange, json, "incorrect_client_credentials",
                    "The client_id and/or client_secret passed are incorrect.");
            return;
        }
        Optional<FakeGitHub.Grant> found = github.takeCode(form.get("code"));
        if (found.isEmpty()) {
            error(exchange, json, "bad_verification_code", "The code passed is incorrect or expired.");
            return;
        }
        FakeGitHub.Grant grant = found.get();
        if (form.get("redirect_uri") != null && !form.get("redirect_uri").equals(grant.redirectUri())) {
            error(exchange, json, "redirect_uri_mismatch",
                    "The redirect_uri MUST match the registered callback URL for this application.");
            return;
        }
        if (!s256(form.get("code_verifier")).equals(grant.codeChallenge())) {
            error(exchange, json, "bad_verification_code", "The code_verifier does not match the code_challenge.");
            return;
        }
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("access_token", github.newToken(grant.user(), grant.scopes()));
        answer.put("token_type", "bearer");
        answer.put("scope", String.join(",", grant.scopes()));
        respond(exchange, json, answer);
    }

    private static void error(HttpExchange exchange, boolean json, String error, String description)
            throws IOException {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("error", error);
        answer.put("error_description", description);
        answer.put("error_uri", "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors");
        respond(exchange, json, answer);
    }

    private static void respond(HttpExchange exchange, boolean json, Map<String, String> answer) throws IOException {
        if (json) {
            Exchanges.json(exchange, 200, answer);
        } else {
            Exchanges.send(exchange, 200, "application/x-www-form-urlencoded; charset=utf-8",
                    Exchanges.encodeForm(answer));
        }
    }

    private static Set<String> scopes(String scope) {
        if (scope == null || scope.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(scope.split("[ ,]+")).filter(s -> !s.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String s256(String verifier) {
        if (verifier == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
