package dev.paas.runtime.ingress;

import dev.paas.docker.ResilientCalls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * App routes in Caddy's live configuration, changed through its admin API. A route has {@code @id}
 * {@code app-<slug>}, matches the app's host name and proxies to one upstream on 127.0.0.1. New routes go to
 * index 0 of the server's routes, ahead of the catch-all; an existing route keeps its place and only has its
 * upstream swapped, which is the blue-green switch.
 *
 * <p>Each operation is one {@link ResilientCalls} call under the Resilience4j instances {@code caddy}:
 * time-limited, guarded by the circuit breaker and, being safe to repeat as a whole, retried.
 */
public class CaddyRoutes {

    static final String INSTANCE = "caddy";

    private final HttpClient http;
    private final URI admin;
    private final String server;
    private final AppUrls urls;
    private final JsonMapper json;
    private final ResilientCalls calls;

    CaddyRoutes(HttpClient http, URI admin, String server, AppUrls urls, JsonMapper json, ResilientCalls calls) {
        this.http = http;
        this.admin = URI.create(admin.toString().replaceFirst("/+$", ""));
        this.server = server;
        this.urls = urls;
        this.json = json;
        this.calls = calls;
    }

    /**
     * Sends the app's host name to {@code upstream} ({@code 127.0.0.1:<port>}): patches the upstreams of an
     * existing route, else inserts a new route at index 0. Looking first makes the whole step safe to retry,
     * which a bare insert is not (Caddy accepts a second route with the same {@code @id}).
     *
     * @return the upstream the route pointed at before, empty when the route is new
     */
    public Optional<String> route(String slug, String upstream) {
        return calls.idempotent("route " + AppRoute.id(slug), () -> {
            Optional<String> previous = currentUpstream(slug);
            if (previous.isPresent()) {
                send("PATCH", "/id/" + AppRoute.id(slug) + "/handle/0/upstreams", AppRoute.upstreams(upstream));
            } else {
                send("PUT", "/config/apps/http/servers/" + server + "/routes/0",
                        AppRoute.of(slug, urls.host(slug), upstream));
            }
            return previous;
        });
    }

    /** The upstream the app's route points at, empty when there is no such route. */
    public Optional<String> upstreamOf(String slug) {
        return calls.idempotent("read route " + AppRoute.id(slug), () -> currentUpstream(slug));
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

    private Optional<String> currentUpstream(String slug) throws IOException, InterruptedException {
        String path = "/id/" + AppRoute.id(slug) + "/handle/0/upstreams";
        HttpResponse<String> response = call("GET", path, null);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        requireSuccess("GET", path, response);
        JsonNode upstreams = json.readTree(response.body());
        return Optional.of(upstreams.path(0).path("dial").asString(""));
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
