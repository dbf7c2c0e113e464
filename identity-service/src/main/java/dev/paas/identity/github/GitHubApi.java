package dev.paas.identity.github;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls identity-service makes to GitHub: the OAuth code exchange and a handful of REST endpoints. Every call
 * has the configured timeout and sends GitHub's recommended headers; tokens go in the {@code Authorization} header
 * only and never into messages or logs.
 */
@Component
class GitHubApi {

    /** The most pages followed in one listing, whatever GitHub's {@code Link} header says. */
    private static final int MAX_PAGES = 10;
    private static final int PER_PAGE = 100;

    private final GitHubProperties properties;
    private final HttpClient http;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    GitHubApi(GitHubProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** What the OAuth code exchange gave: the user's token and the scopes they granted. */
    record AccessGrant(String token, String scopes) {
    }

    /** The GitHub user a token belongs to. */
    record GitHubUser(long id, String login) {
    }

    /** One address from {@code GET /user/emails}. */
    record GitHubEmail(String email, boolean primary, boolean verified) {
    }

    /** A hook as {@code GET /repos/{owner}/{repo}/hooks} lists it. */
    record ExistingHook(long id, String url) {
    }

    /** Trades an authorization code and its PKCE verifier for a token. */
    AccessGrant exchangeCode(String code, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", properties.clientId());
        form.put("client_secret", properties.clientSecret());
        form.put("code", code);
        form.put("redirect_uri", properties.redirectUrl());
        form.put("code_verifier", codeVerifier);
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.oauthUrl() + "/login/oauth/access_token"))
                .timeout(properties.timeout())
                .header("Accept", "application/json")
                .header("User-Agent", userAgent())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        HttpResponse<String> response = send(request);
        JsonNode body = read(response);
        if (response.statusCode() != 200 || body.hasNonNull("error") || !body.hasNonNull("access_token")) {
            String error = body.path("error").asString("HTTP " + response.statusCode());
            String description = body.path("error_description").asString("");
            throw new GitHubException(response.statusCode() == 200 ? 400 : response.statusCode(),
                    "GitHub refused the authorization code (" + error + ")"
                            + (description.isBlank() ? "" : ": " + description));
        }
        return new AccessGrant(body.get("access_token").asString(), body.path("scope").asString(""));
    }

    GitHubUser user(String token) {
        JsonNode user = read(expect(200, send(get(token, "/user"))));
        return new GitHubUser(user.path("id").asLong(), user.path("login").asString(""));
    }

    /** The user's addresses; empty when the token may not read them. */
    List<GitHubEmail> emails(String token) {
        HttpResponse<String> response = send(get(token, "/user/emails"));
        if (response.statusCode() == 404 || response.statusCode() == 403) {
            return List.of();
        }
        List<GitHubEmail> emails = new ArrayList<>();
        read(expect(200, response)).forEach(email -> emails.add(new GitHubEmail(email.path("email").asString(""),
                email.path("primary").asBoolean(), email.path("verified").asBoolean())));
        return emails;
    }

    /** Repositories the user can see (owned, collaborator, organisation member), at most {@code max}. */
    List<RepositorySummary> repositories(String token, int max) {
        return pages(token, "/user/repos?sort=full_name&affiliation=owner,collaborator,organization_member", max,
                repo -> new RepositorySummary(
                        repo.path("full_name").asString(""),
                        repo.path("name").asString(""),
                        repo.path("owner").path("login").asString(""),
                        repo.path("private").asBoolean(),
                        repo.path("default_branch").asString(null),
                        repo.path("clone_url").asString(null),
                        repo.path("html_url").asString(null),
                        repo.path("permissions").path("admin").asBoolean()));
    }

    List<BranchSummary> branches(String token, String owner, String repository, int max) {
        return pages(token, "/repos/" + owner + "/" + repository + "/branches", max,
                branch -> new BranchSummary(branch.path("name").asString(""),
                        branch.path("commit").path("sha").asString(null)));
    }

    /** Registers a push webhook; answers GitHub's id of it. 422 means one with the same URL exists. */
    long createHook(String token, String repository, String url, String secret) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("url", url);
        config.put("content_type", "json");
        config.put("secret", secret);
        config.put("insecure_ssl", "0");
        Map<String, Object> hook = new LinkedHashMap<>();
        hook.put("name", "web");
        hook.put("active", true);
        hook.put("events", List.of("push"));
        hook.put("config", config);
        HttpRequest request = api(token, "/repos/" + repository + "/hooks")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(hook)))
                .build();
        return read(expect(201, send(request))).path("id").asLong();
    }

    /**
     * Deletes a repository webhook; answers whether GitHub had it (404, a hook or repository already gone, answers
     * false).
     */
    boolean deleteHook(String token, String repository, long hookId) {
        HttpResponse<String> response = send(api(token, "/repos/" + repository + "/hooks/" + hookId).DELETE());
        if (response.statusCode() == 404) {
            return false;
        }
        expect(204, response);
        return true;
    }

    List<ExistingHook> hooks(String token, String repository) {
        return pages(token, "/repos/" + repository + "/hooks", 1000,
                hook -> new ExistingHook(hook.path("id").asLong(), hook.path("config").path("url").asString("")));
    }

    /**
     * Follows a listing page by page ({@code per_page=100}) while GitHub's {@code Link} header announces a next
     * page, up to {@code max} items. Page numbers are ours: the token is never sent to a URL GitHub named.
     */
    private <T> List<T> pages(String token, String path, int max, Function<JsonNode, T> mapper) {
        List<T> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 1; page <= MAX_PAGES && items.size() < max; page++) {
            HttpResponse<String> response = expect(200,
                    send(get(token, path + separator + "per_page=" + PER_PAGE + "&page=" + page).build()));
            JsonNode list = read(response);
            for (JsonNode item : list) {
                if (items.size() < max) {
                    items.add(mapper.apply(item));
                }
            }
            boolean more = response.headers().firstValue("Link").map(link -> link.contains("rel=\"next\""))
                    .orElse(false);
            if (!more || list.isEmpty()) {
                break;
            }
        }
        return items;
    }

    private HttpRequest.Builder get(String token, String path) {
        return api(token, path).GET();
    }

    private HttpRequest.Builder api(String token, String path) {
        return HttpRequest.newBuilder(URI.create(properties.apiUrl() + path))
                .timeout(properties.timeout())
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", userAgent())
                .header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GitHubException("GitHub cannot be reached at " + request.uri().getScheme() + "://"
                    + request.uri().getAuthority() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitHubException("interrupted while calling GitHub", e);
        }
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new GitHubException(response.statusCode(), "GitHub answered " + response.statusCode() + " to "
                    + response.request().method() + " " + response.request().uri().getPath() + message(response));
        }
        return response;
    }

    private static String message(HttpResponse<String> response) {
        try {
            JsonNode body = JSON.readTree(response.body());
            String message = body.path("message").asString("");
            String errors = body.path("errors").isArray() ? StreamSupport.stream(body.path("errors").spliterator(), false)
                    .map(error -> error.path("message").asString(error.path("code").asString("")))
                    .filter(text -> !text.isBlank()).collect(Collectors.joining("; ")) : "";
            return message.isBlank() ? "" : ": " + message + (errors.isBlank() ? "" : " (" + errors + ")");
        } catch (JacksonException e) {
            return "";
        }
    }

    private JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body() == null || response.body().isBlank() ? "{}" : response.body());
        } catch (JacksonException e) {
            throw new GitHubException(response.statusCode() >= 500 ? response.statusCode() : 0,
                    "GitHub answered " + response.statusCode() + " with a body that is not JSON");
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue() == null ? "" : entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String userAgent() {
        return "paas-identity-service";
    }
}
