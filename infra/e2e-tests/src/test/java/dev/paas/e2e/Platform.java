package dev.paas.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The running platform as a user reaches it: the gateway's REST API, and apps through Caddy by host name. */
final class Platform {

    static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(6);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway = System.getProperty("paas.gateway", "http://127.0.0.1:8080");
    private final String ingress = System.getProperty("paas.ingress", "http://127.0.0.1:8000");
    private final String baseDomain = System.getProperty("paas.base-domain", "paas.localhost");

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(gateway + path)).GET());
    }

    JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    JsonNode createProject(String name, String repoUrl, String branch) {
        HttpResponse<String> response = post("/api/v1/projects", JSON.writeValueAsString(
                java.util.Map.of("name", name, "repoUrl", repoUrl, "branch", branch)));
        if (response.statusCode() != 201) {
            throw new AssertionError("creating project failed: " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    JsonNode deploy(String projectId) {
        HttpResponse<String> response = post("/api/v1/projects/" + projectId + "/deployments", "");
        if (response.statusCode() != 202) {
            throw new AssertionError("deploying failed: " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    /** Polls the deployment until it is RUNNING or FAILED; returns every distinct status seen, in order. */
    List<String> awaitSettled(String deploymentId) {
        List<String> seen = new ArrayList<>();
        await().atMost(DEPLOY_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            String status = deployment(deploymentId).get("status").asString();
            if (seen.isEmpty() || !seen.getLast().equals(status)) {
                seen.add(status);
            }
            return status.equals("RUNNING") || status.equals("FAILED");
        });
        return seen;
    }

    JsonNode deployment(String deploymentId) {
        return json(get("/api/v1/deployments/" + deploymentId));
    }

    /** A request to the app {@code slug}, sent to Caddy on loopback with the app's host name. */
    HttpResponse<String> app(String slug, String path) {
        return send(HttpRequest.newBuilder(URI.create(ingress + path)).header("Host", slug + "." + baseDomain).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
