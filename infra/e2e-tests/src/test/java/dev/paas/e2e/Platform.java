package dev.paas.e2e;

import static org.awaitility.Awaitility.await;

import dev.paas.fakestripe.FakeStripe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running platform as one user reaches it: the gateway's REST API with that user's access token, and apps
 * through Caddy by host name. Each session comes from its own client address (a documentation-range address in
 * {@code X-Forwarded-For}, which the gateway takes from loopback peers as Caddy would send it), so the per-address
 * sign-in limits of one test never throttle another.
 */
final class Platform {

    static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(6);
    static final String PASSWORD = "correct horse battery staple";
    static final String ADMIN_EMAIL = "admin@e2e.paas.localhost";
    static final String ROOMY_PLAN = "e2e-roomy";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger ADDRESSES = new AtomicInteger((int) (System.nanoTime() % 200));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway = System.getProperty("paas.gateway", "http://127.0.0.1:8080");
    private final String ingress = System.getProperty("paas.ingress", "http://127.0.0.1:8000");
    private final String baseDomain = System.getProperty("paas.base-domain", "paas.localhost");
    private final String clientAddress;
    private String email;
    private String accessToken;

    private Platform(String clientAddress) {
        this.clientAddress = clientAddress;
    }

    /** A caller without an account. */
    static Platform anonymous() {
        return new Platform(nextAddress());
    }

    /** A new account (unique e-mail starting with {@code name}), signed in. */
    static Platform signedUp(String name) {
        Platform platform = anonymous();
        platform.register(name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@e2e.paas.localhost");
        return platform;
    }

    /**
     * A new account, signed in, on {@link #roomyPlanId() a free plan with room for many apps}: for tests that deploy
     * more apps, instances or databases than the default free plan allows.
     */
    static Platform signedUpRoomy(String name) {
        Platform platform = signedUp(name);
        platform.choosePlan(roomyPlanId());
        return platform;
    }

    private static String roomyPlan;

    /**
     * The plan {@value #ROOMY_PLAN}, created by the administrator the first time a test asks for it: free of charge,
     * the default plan's container size, and room for 100 apps of 3 instances and 3 databases of each type.
     */
    static synchronized String roomyPlanId() {
        if (roomyPlan == null) {
            Platform admin = admin();
            HttpResponse<String> created = admin.post("/api/v1/admin/plans", JSON.writeValueAsString(Map.of(
                    "name", ROOMY_PLAN, "cpuMillis", 500, "memoryMb", 512, "diskMb", 1024, "maxInstances", 3,
                    "maxApps", 100, "maxDatabasesPerType", Map.of("postgresql", 3, "mysql", 3, "redis", 3,
                            "mongodb", 3),
                    "databaseDiskMb", 1024, "monthlyPrice", "0.00")));
            if (created.statusCode() == 201) {
                roomyPlan = json(created).get("id").asString();
            } else {
                // an earlier run against the same platform created it
                for (JsonNode plan : json(admin.get("/api/v1/admin/plans"))) {
                    if (ROOMY_PLAN.equals(plan.get("name").asString())) {
                        roomyPlan = plan.get("id").asString();
                    }
                }
                if (roomyPlan == null) {
                    throw new AssertionError("creating plan " + ROOMY_PLAN + " failed: " + created.statusCode() + " "
                            + created.body());
                }
            }
        }
        return roomyPlan;
    }

    /** Puts this account on the plan {@code planId} (its limits apply at once, its price from the next hour). */
    void choosePlan(String planId) {
        HttpResponse<String> chosen = send("PUT", "/api/v1/billing/plan", Map.of("Content-Type",
                "application/json"), JSON.writeValueAsString(Map.of("planId", planId)));
        if (chosen.statusCode() != 200) {
            throw new AssertionError("choosing plan " + planId + " failed: " + chosen.statusCode() + " "
                    + chosen.body());
        }
    }

    /**
     * A fake Stripe where {@code ./paas test} points billing-service (127.0.0.1:8098, its default keys), sending its
     * signed webhooks to the gateway.
     */
    static FakeStripe fakeStripe() {
        return FakeStripe.start(Integer.getInteger("paas.fake-stripe.port", 8098),
                FakeStripe.DEFAULT_SECRET_KEY,
                FakeStripe.DEFAULT_WEBHOOK_SECRET)
                .webhookUrl(System.getProperty("paas.gateway", "http://127.0.0.1:8080") + "/webhooks/stripe");
    }

    /** This account's id, from identity-service. */
    String userId() {
        return json(get("/api/v1/auth/me")).get("id").asString();
    }

    /**
     * The platform's administrator: {@code ./paas test} names {@value #ADMIN_EMAIL} in {@code PAAS_ADMIN_EMAILS}, so
     * that account is an admin whether or not it was the first to register.
     */
    static Platform admin() {
        Platform platform = anonymous();
        HttpResponse<String> registered = platform.post("/api/v1/auth/register", credentials(ADMIN_EMAIL));
        if (registered.statusCode() == 201) {
            platform.signedInWith(ADMIN_EMAIL, registered);
        } else {
            platform.signIn(ADMIN_EMAIL);
        }
        return platform;
    }

    /** A fresh client address from TEST-NET-2 (198.51.100.0/24) and TEST-NET-3 (203.0.113.0/24). */
    static String nextAddress() {
        int n = ADDRESSES.incrementAndGet() % 508;
        return (n < 254 ? "198.51.100." : "203.0.113.") + (n % 254 + 1);
    }

    static String credentials(String email) {
        return JSON.writeValueAsString(Map.of("email", email, "password", PASSWORD));
    }

    String email() {
        return email;
    }

    String accessToken() {
        return accessToken;
    }

    /** The same user and address with another bearer token (a personal API token, a forged token, or none). */
    Platform withToken(String token) {
        Platform other = new Platform(clientAddress);
        other.email = email;
        other.accessToken = token;
        return other;
    }

    void register(String email) {
        HttpResponse<String> response = post("/api/v1/auth/register", credentials(email));
        if (response.statusCode() != 201) {
            throw new AssertionError("sign-up of " + email + " failed: " + response.statusCode() + " " + response.body());
        }
        signedInWith(email, response);
    }

    void signIn(String email) {
        HttpResponse<String> response = post("/api/v1/auth/login", credentials(email));
        if (response.statusCode() != 200) {
            throw new AssertionError("sign-in of " + email + " failed: " + response.statusCode() + " " + response.body());
        }
        signedInWith(email, response);
    }

    void signedInWith(String email, HttpResponse<String> session) {
        this.email = email;
        this.accessToken = json(session).get("accessToken").asString();
    }

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> patch(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(gateway + path)).DELETE());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(gateway + path)).GET());
    }

    /** A GET of an absolute URL (a redirect's target) from this address, redirects not followed. */
    HttpResponse<String> getUrl(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** Any request to the gateway, as this user from this address. */
    HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    JsonNode createProject(String name, String repoUrl, String branch) {
        HttpResponse<String> response = post("/api/v1/projects", JSON.writeValueAsString(
                Map.of("name", name, "repoUrl", repoUrl, "branch", branch)));
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
        return awaitSettled(deploymentId, DEPLOY_TIMEOUT);
    }

    /** {@link #awaitSettled(String)} waiting at most {@code atMost}. */
    List<String> awaitSettled(String deploymentId, Duration atMost) {
        List<String> seen = new ArrayList<>();
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
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
        return sendAsIs(HttpRequest.newBuilder(URI.create(ingress + path)).header("Host", slug + "." + baseDomain).GET());
    }

    /** A request with a text body (or none) to the app {@code slug} through Caddy. */
    HttpResponse<String> app(String slug, String method, String path, String text) {
        return sendAsIs(HttpRequest.newBuilder(URI.create(ingress + path)).header("Host", slug + "." + baseDomain)
                .header("Content-Type", "text/plain; charset=utf-8")
                .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(text)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        request.header("X-Forwarded-For", clientAddress);
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return sendAsIs(request);
    }

    /** A request exactly as built: no client address, no token added. */
    HttpResponse<String> sendAsIs(HttpRequest.Builder request) {
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
