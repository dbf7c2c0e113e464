package dev.paas.runtime.ingress;

import dev.paas.docker.ResilientCalls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * App routes in Caddy's live configuration, changed through its admin API. A route has {@code @id}
 * {@code app-<slug>}, matches the app's host names and proxies to the replicas that {@link UpstreamDirectory}
 * lists (see {@link AppRoute}). New routes go to index 0 of the server's routes, ahead of the catch-all. A route
 * is written when an app is first served and when its host names change, never to switch traffic: every change
 * of Caddy's configuration reloads it, and a reload closes the clients' idle keep-alive connections.
 *
 * <p>Each operation is one {@link ResilientCalls} call under the Resilience4j instances {@code caddy}:
 * time-limited, guarded by the circuit breaker and, being safe to repeat as a whole, retried.
 */
public class CaddyRoutes {

    static final String INSTANCE = "caddy";

    private final HttpClient http;
    private final URI admin;
    private final String server;
    private final UpstreamDirectory directory;
    private final Upstreams upstreams;
    private final JsonMapper json;
    private final ResilientCalls calls;

    CaddyRoutes(HttpClient http, URI admin, String server, UpstreamDirectory directory, Upstreams upstreams,
            JsonMapper json, ResilientCalls calls) {
        this.http = http;
        this.admin = URI.create(admin.toString().replaceFirst("/+$", ""));
        this.server = server;
        this.directory = directory;
        this.upstreams = upstreams;
        this.json = json;
        this.calls = calls;
    }

    /**
     * Makes the app's route match exactly {@code hosts} and proxy to the replicas named in the
     * {@link UpstreamDirectory}: inserts it at index 0 when there is none, replaces it when it differs (a route of an
     * older version of runtime-service, or changed host names), and leaves it alone when it is already right, so
     * that Caddy is not reloaded for nothing. Looking first makes the whole step safe to retry.
     *
     * @return whether Caddy's configuration was changed
     */
    public boolean ensureRoute(String slug, List<String> hosts) {
        return ensure(slug, AppRoute.of(slug, hosts, directory.name(slug), upstreams));
    }

    /**
     * Makes the app's route answer its host names with the "app is paused" page (402) while it is suspended, in
     * place of its proxy route; {@link #ensureRoute} puts the proxy back. Same checks and retries as that.
     *
     * @return whether Caddy's configuration was changed
     */
    public boolean ensurePausedRoute(String slug, List<String> hosts) {
        return ensure(slug, AppRoute.paused(slug, hosts));
    }

    private boolean ensure(String slug, Map<String, Object> wanted) {
        JsonNode wantedJson = json.valueToTree(wanted);
        return calls.idempotent("route " + AppRoute.id(slug), () -> {
            Optional<JsonNode> current = currentRoute(slug);
            if (current.isPresent() && current.get().equals(wantedJson)) {
                return false;
            }
            if (current.isPresent()) {
                send("PATCH", "/id/" + AppRoute.id(slug), wanted);
            } else {
                send("PUT", "/config/apps/http/servers/" + server + "/routes/0", wanted);
            }
            return true;
        });
    }

    /** The host names the app's route matches, empty when it has no route. */
    public Optional<List<String>> hostsOf(String slug) {
        return calls.idempotent("read route " + AppRoute.id(slug), () -> currentRoute(slug).map(route -> {
            List<String> hosts = new ArrayList<>();
            route.path("match").path(0).path("host").forEach(host -> hosts.add(host.asString()));
            return List.copyOf(hosts);
        }));
    }

    /** The slugs of the apps that have a route. */
    public List<String> routedApps() {
        return calls.idempotent("list routes", () -> {
            String path = "/config/apps/http/servers/" + server + "/routes";
            HttpResponse<String> response = call("GET", path, null);
            requireSuccess("GET", path, response);
            List<String> slugs = new ArrayList<>();
            json.readTree(response.body()).forEach(route -> {
                String id = route.path("@id").asString("");
                if (id.startsWith("app-")) {
                    slugs.add(id.substring("app-".length()));
                }
            });
            return List.copyOf(slugs);
        });
    }

    /** Removes the app's route; a route that is not there is fine. */
    public void remove(String slug) {
        calls.idempotent("remove route " + AppRoute.id(slug), () -> {
            HttpResponse<String> response = call("DELETE", "/id/" + AppRoute.id(slug), null);
            if (response.statusCode() != 404) {
                requireSuccess("DELETE", AppRoute.id(slug), response);
            }
            return null;
        });
    }

    private Optional<JsonNode> currentRoute(String slug) throws IOException, InterruptedException {
        String path = "/id/" + AppRoute.id(slug);
        HttpResponse<String> response = call("GET", path, null);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        requireSuccess("GET", path, response);
        return Optional.of(json.readTree(response.body()));
    }

    private void send(String method, String path, Object body) throws IOException, InterruptedException {
        requireSuccess(method, path, call(method, path, json.writeValueAsString(body)));
    }

    private HttpResponse<String> call(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(admin + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void requireSuccess(String method, String path, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String reason = response.body() == null || response.body().isBlank() ? "status " + status
                : response.body().strip();
        if (status == 502 || status == 503 || status == 504) {
            throw new CaddyUnavailable("Caddy admin API answered " + method + " " + path + " with " + reason, null);
        }
        throw new CaddyRefused("Caddy refused " + method + " " + path + ": " + reason);
    }
}
