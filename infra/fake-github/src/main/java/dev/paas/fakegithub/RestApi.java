package dev.paas.fakegithub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The REST API under {@code /api/v3}: the signed-in user, their addresses, their repositories, branches and
 * repository webhooks. Token in {@code Authorization: Bearer <t>} or {@code token <t>}; errors carry GitHub's
 * {@code {"message": ...}} bodies. A repository the token's user cannot see is 404, as are hooks of a repository
 * they cannot administer.
 */
final class RestApi implements HttpHandler {

    private static final Pattern REPO = Pattern.compile("/repos/([^/]+)/([^/]+)(/.*)?");
    private static final Pattern HOOK = Pattern.compile("/(\\d+)");
    private static final String DOCS = "https://docs.github.com/rest";

    private final FakeGitHub github;

    RestApi(FakeGitHub github) {
        this.github = github;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = Exchanges.body(exchange);
            String path = exchange.getRequestURI().getPath().substring(FakeGitHub.API_PREFIX.length());
            github.recordRequest(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
            exchange.getResponseHeaders().set("X-GitHub-Media-Type", "github.v3; format=json");
            OptionalInt failure = github.nextStagedFailure();
            if (failure.isPresent()) {
                Exchanges.json(exchange, failure.getAsInt(), message("Server Error"));
                return;
            }
            Optional<FakeGitHub.Token> token = github.token(bearer(exchange));
            if (token.isEmpty()) {
                Exchanges.json(exchange, 401, message("Bad credentials"));
                return;
            }
            exchange.getResponseHeaders().set("X-OAuth-Scopes", String.join(", ", token.get().scopes()));
            route(exchange, exchange.getRequestMethod(), path, body, token.get());
        }
    }

    private void route(HttpExchange exchange, String method, String path, String body, FakeGitHub.Token token)
            throws IOException {
        GitHubUser user = token.user();
        if (method.equals("GET") && path.equals("/user")) {
            Exchanges.json(exchange, 200, WebhookPayloads.user(user, github.baseUrl()));
        } else if (method.equals("GET") && path.equals("/user/emails")) {
            if (!hasAny(token, "user", "user:email")) {
                notFound(exchange);
                return;
            }
            Exchanges.json(exchange, 200, user.emails().stream().map(email -> Map.of("email", email.email(),
                    "primary", email.primary(), "verified", email.verified(), "visibility", "private")).toList());
        } else if (method.equals("GET") && path.equals("/user/repos")) {
            boolean privateToo = hasAny(token, "repo");
            List<Map<String, Object>> repositories = github.repositoriesOf(user).stream()
                    .filter(repository -> privateToo || !repository.isPrivate())
                    .map(repository -> WebhookPayloads.repository(repository, user, github.baseUrl())).toList();
            page(exchange, path, repositories);
        } else {
            Matcher repo = REPO.matcher(path);
            if (!repo.matches()) {
                notFound(exchange);
                return;
            }
            Optional<GitHubRepository> found = github.repository(repo.group(1), repo.group(2))
                    .filter(repository -> repository.canRead(user))
                    .filter(repository -> !repository.isPrivate() || hasAny(token, "repo"));
            if (found.isEmpty()) {
                notFound(exchange);
                return;
            }
            repository(exchange, method, path, repo.group(3) == null ? "" : repo.group(3), body, token, found.get());
        }
    }

    private void repository(HttpExchange exchange, String method, String path, String rest, String body,
            FakeGitHub.Token token, GitHubRepository repository) throws IOException {
        if (rest.isEmpty() && method.equals("GET")) {
            Exchanges.json(exchange, 200, WebhookPayloads.repository(repository, token.user(), github.baseUrl()));
        } else if (rest.equals("/branches") && method.equals("GET")) {
            List<Map<String, Object>> branches = new ArrayList<>();
            repository.orderedBranches().forEach((name, sha) -> branches.add(Map.of("name", name,
                    "commit", Map.of("sha", sha, "url", github.apiUrl() + "/repos/" + repository.fullName()
                            + "/commits/" + sha), "protected", false)));
            page(exchange, path, branches);
        } else if (rest.startsWith("/hooks")) {
            boolean write = !method.equals("GET");
            if (!repository.canAdmin(token.user())
                    || !hasAny(token, "repo", "admin:repo_hook", write ? "write:repo_hook" : "read:repo_hook")) {
                notFound(exchange);
                return;
            }
            hooks(exchange, method, rest.substring("/hooks".length()), body, repository);
        } else {
            notFound(exchange);
        }
    }

    private void hooks(HttpExchange exchange, String method, String rest, String body, GitHubRepository repository)
            throws IOException {
        if (rest.isEmpty() && method.equals("GET")) {
            Exchanges.json(exchange, 200, github.hooks(repository).stream()
                    .map(hook -> WebhookPayloads.hook(hook, github.apiUrl())).toList());
        } else if (rest.isEmpty() && method.equals("POST")) {
            createHook(exchange, body, repository);
        } else {
            Matcher id = HOOK.matcher(rest);
            Optional<Hook> hook = id.matches() ? github.hooks(repository).stream()
                    .filter(h -> h.id() == Long.parseLong(id.group(1))).findFirst() : Optional.empty();
            if (hook.isEmpty()) {
                notFound(exchange);
            } else if (method.equals("GET")) {
                Exchanges.json(exchange, 200, WebhookPayloads.hook(hook.get(), github.apiUrl()));
            } else if (method.equals("DELETE")) {
                github.deleteHook(repository, hook.get().id());
                Exchanges.noContent(exchange);
            } else {
                notFound(exchange);
            }
        }
    }

    private void createHook(HttpExchange exchange, String body, GitHubRepository repository) throws IOException {
        JsonNode request;
        try {
            request = Exchanges.JSON.readTree(body);
        } catch (JacksonException e) {
            Exchanges.json(exchange, 400, message("Problems parsing JSON"));
            return;
        }
        JsonNode config = request.path("config");
        String url = config.path("url").asString(null);
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            validationFailed(exchange, "url is missing or not an http(s) URL");
            return;
        }
        List<String> events = new ArrayList<>();
        request.path("events").forEach(event -> events.add(event.asString()));
        if (events.isEmpty()) {
            events.add("push");
        }
        String name = request.path("name").asString("web");
        boolean active = !request.has("active") || request.path("active").asBoolean();
        Optional<Hook> hook = github.addHook(repository, name, events, active, url,
                config.path("content_type").asString("form"), config.path("secret").asString(null),
                config.path("insecure_ssl").asString("0"));
        if (hook.isEmpty()) {
            validationFailed(exchange, "Hook already exists on this repository");
            return;
        }
        exchange.getResponseHeaders().set("Location",
                github.apiUrl() + "/repos/" + repository.fullName() + "/hooks/" + hook.get().id());
        Exchanges.json(exchange, 201, WebhookPayloads.hook(hook.get(), github.apiUrl()));
    }

    /** Answers one page of {@code items} per {@code per_page} (default 30, at most 100) and {@code page}. */
    private void page(HttpExchange exchange, String path, List<Map<String, Object>> items) throws IOException {
        Map<String, String> query = Exchanges.form(exchange.getRequestURI().getRawQuery());
        int perPage = Math.clamp(number(query.get("per_page"), 30), 1, 100);
        int page = Math.max(1, number(query.get("page"), 1));
        int last = Math.max(1, (items.size() + perPage - 1) / perPage);
        List<String> links = new ArrayList<>();
        String base = github.apiUrl() + path + "?per_page=" + perPage + "&page=";
        if (page < last) {
            links.add("<" + base + (page + 1) + ">; rel=\"next\"");
            links.add("<" + base + last + ">; rel=\"last\"");
        }
        if (page > 1) {
            links.add("<" + base + "1>; rel=\"first\"");
            links.add("<" + base + Math.min(page - 1, last) + ">; rel=\"prev\"");
        }
        if (!links.isEmpty()) {
            exchange.getResponseHeaders().set("Link", String.join(", ", links));
        }
        int from = Math.min(items.size(), (page - 1) * perPage);
        Exchanges.json(exchange, 200, items.subList(from, Math.min(items.size(), from + perPage)));
    }

    private static int number(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String bearer(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null) {
            return null;
        }
        for (String scheme : new String[] {"Bearer ", "bearer ", "token "}) {
            if (authorization.startsWith(scheme)) {
                return authorization.substring(scheme.length()).strip();
            }
        }
        return null;
    }

    private static boolean hasAny(FakeGitHub.Token token, String... scopes) {
        Set<String> granted = token.scopes();
        for (String scope : scopes) {
            if (granted.contains(scope)) {
                return true;
            }
        }
        return false;
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        Exchanges.json(exchange, 404, message("Not Found"));
    }

    private static void validationFailed(HttpExchange exchange, String reason) throws IOException {
        Map<String, Object> answer = new LinkedHashMap<>(message("Validation Failed"));
        answer.put("errors", List.of(Map.of("resource", "Hook", "code", "custom", "message", reason)));
        Exchanges.json(exchange, 422, answer);
    }

    private static Map<String, Object> message(String message) {
        return Map.of("message", message, "documentation_url", DOCS);
    }
}
