package dev.paas.build.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.build.stack.RuntimeImage;
import dev.paas.build.stack.RuntimeImages;
import dev.paas.testing.SecuredComponentTest;
import dev.paas.testing.ServiceCalls;
import dev.paas.testing.ServiceComponentTest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The runtime catalog's admin API against a fresh database seeded from the configured defaults: CRUD, the rules
 * that keep it usable for detection, and who may call it. API only: no Docker engine is needed.
 */
@ServiceComponentTest(database = "paas_build_test_catalog", freshDatabase = true,
        properties = "paas.build.worker.enabled=false")
class RuntimeCatalogApiIT extends SecuredComponentTest {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private final UUID admin = UUID.randomUUID();

    @Autowired
    RuntimeImages images;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void isSeededFromTheConfiguredDefaults() {
        HttpResponse<String> list = call("GET", "/api/v1/admin/runtimes", null);

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"stack\":\"node\",\"version\":\"20\",\"buildImage\":\"node:20-bookworm-slim\"",
                "\"stack\":\"go\",\"version\":\"1.22\",\"buildImage\":\"golang:1.22-bookworm\",\"runImage\":\"scratch\"");
        assertThat(images.images("java")).contains(new RuntimeImage("java", "21", "maven:3.9-eclipse-temurin-21",
                "eclipse-temurin:21-jre"));
    }

    @Test
    void addsReplacesAndRemovesAnEntryWhichDetectionSeesAtOnce() {
        HttpResponse<String> added = call("POST", "/api/v1/admin/runtimes",
                body("python", "3.13", "python:3.13-slim", "python:3.13-slim"));
        assertThat(added.statusCode()).isEqualTo(201);
        String id = id(added.body());
        assertThat(added.headers().firstValue("Location")).contains("/api/v1/admin/runtimes/" + id);
        assertThat(added.body()).contains("\"createdAt\":", "\"updatedAt\":");
        assertThat(images.images("python")).contains(new RuntimeImage("python", "3.13", "python:3.13-slim",
                "python:3.13-slim"));

        HttpResponse<String> replaced = call("PUT", "/api/v1/admin/runtimes/" + id,
                body("python", "3.13", "registry.local:5000/python:3.13", "python:3.13-slim"));
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/admin/runtimes/" + id, null).body())
                .contains("\"buildImage\":\"registry.local:5000/python:3.13\"");
        assertThat(images.images("python")).extracting(RuntimeImage::buildImage)
                .contains("registry.local:5000/python:3.13");

        assertThat(call("DELETE", "/api/v1/admin/runtimes/" + id, null).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/api/v1/admin/runtimes/" + id, null).statusCode()).isEqualTo(404);
        assertThat(images.images("python")).extracting(RuntimeImage::version).doesNotContain("3.13");
    }

    @Test
    void refusesBadInputNamingTheFieldAndChangesNothing() {
        int before = count();
        assertProblem(call("POST", "/api/v1/admin/runtimes", body("ruby", "3.3", "ruby:3.3", "ruby:3.3")), 400,
                "stack must be one of node, python, go, php, java, static, got 'ruby'");
        assertProblem(call("POST", "/api/v1/admin/runtimes", body("node", "latest", "node:24", "node:24")), 400,
                "version must be a version such as 20 or 3.11, got 'latest'");
        assertProblem(call("POST", "/api/v1/admin/runtimes", body("node", "24", "Node:24", "node:24")), 400,
                "buildImage must be a Docker image reference");
        assertProblem(call("POST", "/api/v1/admin/runtimes", body("node", "24", "node:24", "node 24")), 400,
                "runImage must be a Docker image reference");
        assertProblem(call("POST", "/api/v1/admin/runtimes", "{\"stack\":\"node\",\"version\":\"24\"}"), 400,
                "buildImage must not be empty");
        String node20 = idOf("node", "20");
        assertProblem(call("PUT", "/api/v1/admin/runtimes/" + node20, body("node", "20", "node:20", "bad image")),
                400, "runImage must be a Docker image reference");
        assertThat(count()).isEqualTo(before);
        assertThat(images.images("node")).extracting(RuntimeImage::runImage).contains("node:20-bookworm-slim");
    }

    @Test
    void refusesADuplicateStackAndVersion() {
        assertProblem(call("POST", "/api/v1/admin/runtimes", body("node", "20", "node:20", "node:20")), 409,
                "the catalog already has node 20");
        String node18 = idOf("node", "18");
        assertProblem(call("PUT", "/api/v1/admin/runtimes/" + node18, body("node", "22", "node:22", "node:22")), 409,
                "the catalog already has node 22");
    }

    @Test
    void keepsTheLastEntryOfAStack() {
        String php = idOf("php", "8.3");
        assertProblem(call("DELETE", "/api/v1/admin/runtimes/" + php, null), 409,
                "cannot delete it: php 8.3 is the last php entry of the catalog");
        assertProblem(call("PUT", "/api/v1/admin/runtimes/" + php, body("python", "3.8", "python:3.8", "python:3.8")),
                409, "cannot move it to python: php 8.3 is the last php entry");
        assertThat(images.images("php")).hasSize(1);
    }

    @Test
    void answersAnUnknownEntryWith404() {
        UUID unknown = UUID.randomUUID();
        assertProblem(call("GET", "/api/v1/admin/runtimes/" + unknown, null), 404, "runtime " + unknown + " not found");
        assertProblem(call("PUT", "/api/v1/admin/runtimes/" + unknown, body("node", "30", "node:30", "node:30")), 404,
                "runtime " + unknown + " not found");
        assertProblem(call("DELETE", "/api/v1/admin/runtimes/" + unknown, null), 404,
                "runtime " + unknown + " not found");
    }

    @Test
    void isForAdminsOnly() {
        UUID user = UUID.randomUUID();
        String php = idOf("php", "8.3");
        for (String[] request : new String[][] {{"GET", "/api/v1/admin/runtimes"}, {"GET", "/api/v1/admin/runtimes/" + php},
                {"POST", "/api/v1/admin/runtimes"}, {"PUT", "/api/v1/admin/runtimes/" + php},
                {"DELETE", "/api/v1/admin/runtimes/" + php}}) {
            String body = request[0].startsWith("P") ? body("php", "8.4", "php:8.4-apache", "php:8.4-apache") : null;
            assertThat(ServiceCalls.on(port).send(request[0], request[1], body, null).statusCode())
                    .as("%s %s without a token", request[0], request[1]).isEqualTo(401);
            assertThat(ServiceCalls.on(port).send(request[0], request[1], body, tokens.user(user)).statusCode())
                    .as("%s %s as a user", request[0], request[1]).isEqualTo(403);
        }
        assertThat(images.images("php")).extracting(RuntimeImage::version).containsExactly("8.3");
    }

    private HttpResponse<String> call(String method, String path, String body) {
        return ServiceCalls.on(port).send(method, path, body, tokens.admin(admin));
    }

    private String idOf(String stack, String version) {
        return jdbc.queryForObject("select id from runtime_images where stack = ? and version = ?", UUID.class, stack,
                version).toString();
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from runtime_images", Integer.class);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"detail\":\"" + detail);
    }

    private static String id(String body) {
        Matcher matcher = ID.matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group(1);
    }

    private static String body(String stack, String version, String buildImage, String runImage) {
        return """
                {"stack":"%s","version":"%s","buildImage":"%s","runImage":"%s"}""".formatted(stack, version,
                buildImage, runImage);
    }
}
