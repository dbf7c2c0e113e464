package dev.paas.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Managed databases end to end, for PostgreSQL, MariaDB ({@code mysql}) and Redis: a database is provisioned, linked
 * to a project deployed from {@code infra/samples/node-databases}, which reaches it through {@code DATABASE_URL};
 * a backup is taken and restored (the app answers the value of the backup again), a corrupted backup's restore fails
 * and the app keeps its current value, another user does not see the database, and a second PostgreSQL database is
 * over the quota.
 *
 * <p>The backup files are looked for under {@code -Dpaas.backup-dir} (database-service's local backup store
 * directory; by default {@code .paas/backups} of the repository).
 */
class ManagedDatabasesIT {

    private static final Duration PROVISIONING = Duration.ofMinutes(3);
    private static final Duration SOON = Duration.ofSeconds(90);
    private static final Duration OPERATION = Duration.ofMinutes(3);
    private static final Path BACKUPS = Path.of(System.getProperty("paas.backup-dir", "../../.paas/backups"));

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "redis"})
    void aLinkedDatabaseIsUsedBackedUpAndRestored(String type) throws Exception {
        Platform owner = Platform.signedUp("db-" + type);
        String name = type.substring(0, 5) + "-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> created = owner.post("/api/v1/databases", json(Map.of("type", type, "name", name)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        JsonNode database = Platform.json(created);
        String databaseId = database.get("id").asString();
        assertThat(database.get("state").asString()).isEqualTo("PROVISIONING");
        await().atMost(PROVISIONING).pollInterval(Duration.ofSeconds(1)).until(() -> {
            String state = databaseView(owner, databaseId).get("state").asString();
            assertThat(state).as("database %s: %s", name, databaseView(owner, databaseId).path("reason"))
                    .isNotEqualTo("FAILED");
            return state.equals("RUNNING");
        });
        JsonNode running = databaseView(owner, databaseId);
        assertThat(running.path("credentials").path("url").asString()).startsWith(type + "://");

        Platform stranger = Platform.signedUp("db-stranger");
        assertThat(stranger.get("/api/v1/databases/" + databaseId).statusCode())
                .as("another user's database is not found").isEqualTo(404);
        if (type.equals("postgresql")) {
            HttpResponse<String> second = owner.post("/api/v1/databases",
                    json(Map.of("type", type, "name", name + "-2")));
            assertThat(second.statusCode()).as(second.body()).isEqualTo(403);
            assertThat(Platform.json(second).path("title").asString()).isEqualTo("Quota exceeded");
        }

        Path repo = SampleRepositories.create("node-databases", "main");
        JsonNode project = owner.createProject("Keeps " + type, SampleRepositories.url(repo), "main");
        String projectId = project.get("id").asString();
        String slug = project.get("slug").asString();
        // database-service learns of the new project from ProjectCreated: until then the project is unknown to it (404)
        AtomicReference<HttpResponse<String>> link = new AtomicReference<>();
        await().atMost(SOON).pollInterval(Duration.ofMillis(250)).until(() -> {
            link.set(owner.post("/api/v1/projects/" + projectId + "/databases/" + databaseId, "{}"));
            return link.get().statusCode() != 404;
        });
        assertThat(link.get().statusCode()).as(link.get().body()).isEqualTo(201);
        // the variables reach runtime-service by an event: deploy once they are there, or the app starts without them
        await().atMost(SOON).pollInterval(Duration.ofMillis(500)).until(() -> owner.get("/api/v1/projects/"
                + projectId + "/env").body().contains("\"source\":\"database:" + databaseId + "\""));
        assertThat(owner.get("/api/v1/projects/" + projectId + "/env").body())
                .as("linked values are masked").doesNotContain(running.path("credentials").path("password").asString());

        String deployment = owner.deploy(projectId).get("id").asString();
        owner.awaitSettled(deployment);
        assertThat(owner.deployment(deployment).get("status").asString()).isEqualTo("RUNNING");
        await().atMost(SOON).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> owner.app(slug, "/health").statusCode() == 200);
        assertThat(owner.app(slug, "/value").statusCode()).as("nothing stored yet").isEqualTo(404);

        put(owner, slug, "one");
        String backupId = completedBackup(owner, databaseId);
        put(owner, slug, "two");
        assertThat(owner.app(slug, "/value").body()).isEqualTo("two");

        JsonNode restore = restore(owner, databaseId, backupId);
        assertThat(restore.path("status").asString()).as(restore.toString()).isEqualTo("COMPLETED");
        assertThat(restore.path("safetyBackupId").isMissingNode() || restore.path("safetyBackupId").isNull())
                .as("a safety backup of the state before the restore").isFalse();
        awaitValue(owner, projectId, slug, "one");

        put(owner, slug, "three");
        corrupt(backupFile(databaseId, backupId));
        JsonNode corrupted = restore(owner, databaseId, backupId);
        assertThat(corrupted.path("status").asString()).as(corrupted.toString()).isEqualTo("FAILED");
        assertThat(corrupted.path("reason").asString()).isNotBlank();
        await().atMost(SOON).pollInterval(Duration.ofSeconds(1))
                .until(() -> databaseView(owner, databaseId).get("state").asString(), "RUNNING"::equals);
        // a failed restore changes nothing: the app keeps answering the current value
        await().atMost(SOON).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> owner.app(slug, "/value").body(), "three"::equals);

        assertThat(owner.delete("/api/v1/projects/" + projectId).statusCode()).isEqualTo(204);
        assertThat(owner.delete("/api/v1/databases/" + databaseId + "?confirm=wrong").statusCode()).isEqualTo(400);
        assertThat(owner.delete("/api/v1/databases/" + databaseId + "?confirm=" + name).statusCode()).isEqualTo(204);
        await().atMost(SOON).pollInterval(Duration.ofSeconds(1))
                .until(() -> owner.get("/api/v1/databases/" + databaseId).statusCode() == 404);
    }

    private static JsonNode databaseView(Platform owner, String databaseId) {
        HttpResponse<String> response = owner.get("/api/v1/databases/" + databaseId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Platform.json(response);
    }

    private static void put(Platform owner, String slug, String value) {
        HttpResponse<String> stored = owner.app(slug, "PUT", "/value", value);
        assertThat(stored.statusCode()).as(stored.body()).isBetween(200, 204);
        assertThat(owner.app(slug, "/value").body()).isEqualTo(value);
    }

    /** A manual backup, polled until it settles; its id once COMPLETED. */
    private static String completedBackup(Platform owner, String databaseId) {
        HttpResponse<String> started = owner.post("/api/v1/databases/" + databaseId + "/backups", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String backupId = Platform.json(started).get("id").asString();
        String path = "/api/v1/databases/" + databaseId + "/backups/" + backupId;
        await().atMost(OPERATION).pollInterval(Duration.ofSeconds(1)).until(() -> List.of("COMPLETED", "FAILED")
                .contains(Platform.json(owner.get(path)).get("status").asString()));
        JsonNode backup = Platform.json(owner.get(path));
        assertThat(backup.get("status").asString()).as(backup.toString()).isEqualTo("COMPLETED");
        assertThat(backup.path("sizeBytes").asLong()).isPositive();
        return backupId;
    }

    /** A restore from {@code backupId}, polled until it settles. */
    private static JsonNode restore(Platform owner, String databaseId, String backupId) {
        HttpResponse<String> started = owner.post("/api/v1/databases/" + databaseId + "/restore",
                json(Map.of("backupId", backupId)));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String path = "/api/v1/databases/" + databaseId + "/restores/" + Platform.json(started).get("id").asString();
        await().atMost(OPERATION).pollInterval(Duration.ofSeconds(1)).until(() -> List.of("COMPLETED", "FAILED")
                .contains(Platform.json(owner.get(path)).get("status").asString()));
        return Platform.json(owner.get(path));
    }

    /**
     * Waits until the app answers {@code expected}. An app's connections to the replaced database container may need
     * a moment to be made again (each sample driver reconnects by itself); if the app still has not answered after
     * 30 s, it is restarted (rolling) once and given another 90 s. The test says on standard output when it had to.
     */
    private static void awaitValue(Platform owner, String projectId, String slug, String expected) {
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> owner.app(slug, "/value").body(), expected::equals);
        } catch (ConditionTimeoutException e) {
            System.out.println("ManagedDatabasesIT: " + slug + " did not answer '" + expected + "' after the restore "
                    + "(last answer: " + owner.app(slug, "/value").body() + "); restarting it");
            assertThat(owner.post("/api/v1/projects/" + projectId + "/restart", "").statusCode()).isEqualTo(202);
            await().atMost(SOON).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> owner.app(slug, "/value").body(), expected::equals);
        }
    }

    /**
     * The stored file of the backup: the file under {@link #BACKUPS} whose path names the backup, or else the newest
     * one whose path names the database.
     */
    private static Path backupFile(String databaseId, String backupId) throws IOException {
        assertThat(BACKUPS).as("database-service's backup directory (-Dpaas.backup-dir)").isDirectory();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(BACKUPS)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        Optional<Path> named = files.stream().filter(file -> file.toString().contains(backupId)).findFirst();
        return named.orElseGet(() -> files.stream().filter(file -> file.toString().contains(databaseId))
                .max(Comparator.comparing(ManagedDatabasesIT::modified))
                .orElseThrow(() -> new AssertionError("no file of backup " + backupId + " under " + BACKUPS)));
    }

    /** Flips bytes in the middle of the file, keeping its length. */
    private static void corrupt(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).as("backup file %s", file).isNotEmpty();
        for (int i = bytes.length / 2; i < Math.min(bytes.length, bytes.length / 2 + 16); i++) {
            bytes[i] ^= (byte) 0xff;
        }
        Files.write(file, bytes);
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String json(Map<String, ?> body) {
        return Platform.JSON.writeValueAsString(body);
    }
}
