package dev.paas.database.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.database.databases.ManagedDatabases;
import dev.paas.testing.ServiceCalls;
import dev.paas.testing.ServiceComponentTest;
import dev.paas.tokens.testing.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backups and restores of real PostgreSQL databases (containers of the engines, provisioned through the lifecycle's
 * API), with the local store in a temporary directory. The workers and passes are called by the test.
 */
@ServiceComponentTest(database = "paas_database_backups", freshDatabase = true,
        properties = {"paas.databases.backups.scheduling=false",
            "spring.cloud.stream.bindings.projectEvents-in-0.consumer.auto-startup=false"})
class BackupsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path STORE;
    private static TestTokens tokens;

    static {
        try {
            STORE = Files.createTempDirectory("paas-backups-it-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    BackupWorker backupWorker;

    @Autowired
    RestoreWorker restoreWorker;

    @Autowired
    SchedulingPass schedulingPass;

    @Autowired
    RetentionPass retentionPass;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BackupTaker backupTaker;

    @Autowired
    Backups backups;

    @Autowired
    ManagedDatabases managedDatabases;

    private final List<Created> created = new ArrayList<>();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        tokens = TestTokens.registerWith(registry);
        registry.add("paas.databases.backups.local-directory", STORE::toString);
    }

    @AfterEach
    void removeDatabases() {
        for (Created database : created) {
            call("DELETE", "/api/v1/databases/" + database.id() + "?confirm=" + database.name(), null,
                    database.token());
            await().atMost(Duration.ofSeconds(60)).until(() -> docker("ps", "-aq", "--filter",
                    "label=paas.database-id=" + database.id()).isBlank());
            for (String volume : docker("volume", "ls", "-q", "--filter", "label=paas.database-id=" + database.id())
                    .lines().toList()) {
                docker("volume", "rm", "-f", volume);
            }
            docker("network", "rm", "paas-user-" + database.owner().toString().replace("-", "").substring(0, 12));
        }
    }

    @Test
    void backsUpDownloadsAndRestoresKeepingASafetyBackupOfTheReplacedData() throws Exception {
        Created database = provisionPostgres();
        sql(database, "create table notes (body text)", "insert into notes values ('before the backup')");

        JsonNode queued = json(call("POST", backupsOf(database), null, database.token()), 202);
        assertThat(queued.get("status").asString()).isEqualTo("QUEUED");
        assertThat(queued.get("trigger").asString()).isEqualTo("MANUAL");
        backupWorker.runPending();
        JsonNode backup = json(call("GET", backupsOf(database) + "/" + queued.get("id").asString(), null,
                database.token()), 200);
        assertThat(backup.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(backup.get("sizeBytes").asLong()).isPositive();
        assertThat(backup.get("expiresAt").asString()).isNotBlank();

        HttpResponse<byte[]> download = HTTP.send(request(backupsOf(database) + "/" + backup.get("id").asString()
                + "/download", database.token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment")
                .contains("notes-db");
        assertThat(download.headers().firstValue("X-Checksum-SHA256")).contains(backup.get("sha256").asString());
        assertThat(sha256(download.body())).isEqualTo(backup.get("sha256").asString());
        assertThat(download.body()).isEqualTo(Files.readAllBytes(storedFile(database, backup)));

        sql(database, "update notes set body = 'after the backup'");
        JsonNode restore = json(call("POST", "/api/v1/databases/" + database.id() + "/restore",
                JSON.writeValueAsString(Map.of("backupId", backup.get("id").asString())), database.token()), 202);
        assertThat(restore.get("status").asString()).isEqualTo("VERIFYING");
        restoreWorker.runPending();

        JsonNode done = json(call("GET", "/api/v1/databases/" + database.id() + "/restores/"
                + restore.get("id").asString(), null, database.token()), 200);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(viewOf(database).get("state").asString()).isEqualTo("RUNNING");
        assertThat(notes(database)).containsExactly("before the backup");
        JsonNode safety = json(call("GET", backupsOf(database) + "/" + done.get("safetyBackupId").asString(), null,
                database.token()), 200);
        assertThat(safety.get("trigger").asString()).isEqualTo("SAFETY");
        assertThat(safety.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(Files.size(storedFile(database, safety))).isEqualTo(safety.get("sizeBytes").asLong());
        assertThat(outboxTypes(database)).contains("database.backup-completed", "database.database-restored");
    }

    @Test
    void refusesToRestoreACorruptedBackupAndLeavesTheDataAlone() throws Exception {
        Created database = provisionPostgres();
        sql(database, "create table notes (body text)", "insert into notes values ('kept')");
        JsonNode backup = completedBackup(database);
        Path stored = storedFile(database, backup);
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(stored, bytes);
        sql(database, "insert into notes values ('written later')");

        JsonNode restore = json(call("POST", "/api/v1/databases/" + database.id() + "/restore",
                JSON.writeValueAsString(Map.of("backupId", backup.get("id").asString())), database.token()), 202);
        restoreWorker.runPending();

        JsonNode failed = restoreView(database, restore);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("reason").asString()).startsWith("backup " + backup.get("id").asString()
                + " is corrupted: checksum");
        assertThat(failed.get("safetyBackupId").isNull()).isTrue();
        assertThat(viewOf(database).get("state").asString()).isEqualTo("RUNNING");
        assertThat(notes(database)).containsExactlyInAnyOrder("kept", "written later");
    }

    @Test
    void refusesAGarbageUploadAndLeavesTheDataAlone() throws Exception {
        Created database = provisionPostgres();
        sql(database, "create table notes (body text)", "insert into notes values ('kept')");

        String boundary = "paas-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"dump.sql\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nthis is not a dump at all;\r\n--" + boundary
                + "--\r\n";
        HttpResponse<String> upload = HTTP.send(request("/api/v1/databases/" + database.id() + "/restore",
                database.token()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode restore = json(upload, 202);
        assertThat(restore.get("source").asString()).isEqualTo("UPLOAD");
        restoreWorker.runPending();

        JsonNode failed = restoreView(database, restore);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("reason").asString()).isNotBlank();
        assertThat(viewOf(database).get("state").asString()).isEqualTo("RUNNING");
        assertThat(notes(database)).containsExactly("kept");
        JsonNode backups = json(call("GET", backupsOf(database), null, database.token()), 200);
        assertThat(backups.valueStream().map(b -> b.get("trigger").asString())).containsExactly("UPLOAD");
        assertThat(docker("volume", "ls", "-q", "--filter", "label=paas.database-id=" + database.id()).lines())
                .as("no scratch volume is left").hasSize(1);
    }

    @Test
    void twoSchedulingPassesAtOnceQueueTheDueBackupOnce() throws Exception {
        Created database = provisionPostgres();
        schedulingPass.run();
        Instant due = Instant.now().minusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        assertThat(jdbc.update("update backup_schedules set next_run_at = ? where database_id = ?",
                Timestamp.from(due), database.id())).isEqualTo(1);

        CountDownLatch start = new CountDownLatch(1);
        try (var threads = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> passes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                passes.add(threads.submit(() -> {
                    start.await();
                    return schedulingPass.run();
                }));
            }
            start.countDown();
            int queued = 0;
            for (Future<Integer> pass : passes) {
                queued += pass.get();
            }
            assertThat(queued).isEqualTo(1);
        }
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select trigger, scheduled_for from backups where database_id = ?", database.id());
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().get("trigger")).isEqualTo("SCHEDULED");
        assertThat(((Timestamp) rows.getFirst().get("scheduled_for")).toInstant()).isEqualTo(due);
        Timestamp next = jdbc.queryForObject("select next_run_at from backup_schedules where database_id = ?",
                Timestamp.class, database.id());
        assertThat(next.toInstant()).isAfter(Instant.now());
        assertThat(schedulingPass.run()).isZero();
    }

    @Test
    void retentionDeletesAnExpiredBackupFromTheStoreAndKeepsTheOthers() throws Exception {
        Created database = provisionPostgres();
        JsonNode expired = completedBackup(database);
        JsonNode kept = completedBackup(database);
        jdbc.update("update backups set expires_at = now() - interval '1 minute' where id = ?",
                UUID.fromString(expired.get("id").asString()));

        retentionPass.run();

        assertThat(Files.exists(storedFile(database, expired))).isFalse();
        assertThat(call("GET", backupsOf(database) + "/" + expired.get("id").asString(), null, database.token())
                .statusCode()).isEqualTo(404);
        assertThat(Files.exists(storedFile(database, kept))).isTrue();
    }

    @Test
    void retakesABackupWhoseWorkerVanishedAndGivesUpAfterThreeAttempts() throws Exception {
        Created database = provisionPostgres();
        JsonNode first = completedBackup(database);
        UUID abandoned = UUID.randomUUID();
        UUID exhausted = UUID.randomUUID();
        for (UUID id : List.of(abandoned, exhausted)) {
            jdbc.update("""
                    insert into backups (id, database_id, owner_id, trigger, status, store_key, retention_days,
                        attempts, lease_owner, lease_until, created_at, started_at)
                    select ?, database_id, owner_id, 'MANUAL', 'RUNNING', replace(store_key, ?, ?), 7, ?,
                        'a-vanished-replica', now() - interval '1 second', now(), now()
                    from backups where id = ?""", id, first.get("id").asString(), id.toString(),
                    id.equals(abandoned) ? 1 : 3, UUID.fromString(first.get("id").asString()));
        }

        backupWorker.runPending();

        JsonNode retaken = json(call("GET", backupsOf(database) + "/" + abandoned, null, database.token()), 200);
        assertThat(retaken.get("status").asString()).as(retaken.toString()).isEqualTo("COMPLETED");
        JsonNode givenUp = json(call("GET", backupsOf(database) + "/" + exhausted, null, database.token()), 200);
        assertThat(givenUp.get("status").asString()).isEqualTo("FAILED");
        assertThat(givenUp.get("reason").asString()).isEqualTo("the backup was interrupted 3 times; gave up");
        assertThat(outboxTypes(database)).contains("database.backup-failed");
    }

    @Test
    void aWorkerThatLostItsLeaseLeavesTheBackupToTheWorkerThatTookItOver() throws Exception {
        Created database = provisionPostgres();
        JsonNode first = completedBackup(database);
        UUID takenOver = UUID.randomUUID();
        // this worker's lease ran out while it dumped, and another replica claimed the backup meanwhile
        jdbc.update("""
                insert into backups (id, database_id, owner_id, trigger, status, store_key, retention_days,
                    attempts, lease_owner, lease_until, created_at, started_at)
                select ?, database_id, owner_id, 'MANUAL', 'RUNNING', replace(store_key, ?, ?), 7, 2,
                    'the-replica-that-took-it-over', now() + interval '10 minutes', now(), now()
                from backups where id = ?""", takenOver, first.get("id").asString(), takenOver.toString(),
                UUID.fromString(first.get("id").asString()));
        Backup row = backups.find(takenOver).orElseThrow();
        Backup asThisWorkerSawIt = new Backup(row.id(), row.databaseId(), row.ownerId(), row.trigger(), row.status(),
                row.storeKey(), null, null, null, row.retentionDays(), null, 1, "a-worker-that-lost-its-lease",
                row.createdAt(), row.startedAt(), null, null);

        Backup result = backupTaker.take(asThisWorkerSawIt, managedDatabases.spec(database.id()));

        assertThat(result.status()).isEqualTo("RUNNING");
        assertThat(backups.find(takenOver).orElseThrow().leaseOwner()).isEqualTo("the-replica-that-took-it-over");
        assertThat(STORE.resolve(row.storeKey())).doesNotExist();
        assertThat(outboxTypes(database).stream().filter("database.backup-completed"::equals)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "redis"})
    void restoresMariaDbAndRedisFromTheirBackups(String type) throws Exception {
        Created database = provision(type);
        assertThat(write(database, type, "old")).isTrue();
        JsonNode backup = completedBackup(database);
        assertThat(write(database, type, "new")).isTrue();
        assertThat(read(database, type)).isEqualTo("new,old");

        JsonNode restore = json(call("POST", "/api/v1/databases/" + database.id() + "/restore",
                JSON.writeValueAsString(Map.of("backupId", backup.get("id").asString())), database.token()), 202);
        restoreWorker.runPending();

        JsonNode done = restoreView(database, restore);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(viewOf(database).get("state").asString()).isEqualTo("RUNNING");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(read(database, type)).isEqualTo("old"));
    }

    @Test
    void rollsBackARestoreWhoseReplicaVanishedWhileSwapping() throws Exception {
        Created database = provisionPostgres();
        sql(database, "create table notes (body text)", "insert into notes values ('kept')");
        JsonNode backup = completedBackup(database);
        assertThat(managedDatabases.beginRestore(database.id(), database.owner())).isTrue();
        UUID restoreId = UUID.randomUUID();
        jdbc.update("""
                insert into restores (id, database_id, owner_id, actor_id, backup_id, source, status, volume_number,
                    attempts, lease_owner, lease_until, created_at)
                values (?, ?, ?, ?, ?, 'BACKUP', 'SWAPPING', 1, 1, 'a-vanished-replica', now() - interval '1 second',
                    now())""", restoreId, database.id(), database.owner(), database.owner(),
                UUID.fromString(backup.get("id").asString()));
        docker("rm", "-f", "paas-db-" + database.id());

        restoreWorker.runPending();

        JsonNode failed = json(call("GET", "/api/v1/databases/" + database.id() + "/restores/" + restoreId, null,
                database.token()), 200);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("reason").asString()).contains("the old data is back");
        assertThat(viewOf(database).get("state").asString()).isEqualTo("RUNNING");
        assertThat(notes(database)).containsExactly("kept");
    }

    @Test
    void validatesTheScheduleAndHidesOtherUsersDatabases() throws Exception {
        Created database = provisionPostgres();
        String schedule = "/api/v1/databases/" + database.id() + "/backups/schedule";
        JsonNode initial = json(call("GET", schedule, null, database.token()), 200);
        assertThat(initial.get("cron").asString()).isEqualTo("0 0 3 * * *");
        assertThat(initial.get("retentionDays").asInt()).isEqualTo(7);

        HttpResponse<String> badCron = call("PUT", schedule, "{\"cron\":\"0 3 * * *\"}", database.token());
        assertThat(badCron.statusCode()).isEqualTo(400);
        assertThat(badCron.body()).contains("cron");
        HttpResponse<String> badRetention = call("PUT", schedule, "{\"retentionDays\":0}", database.token());
        assertThat(badRetention.statusCode()).isEqualTo(400);
        assertThat(badRetention.body()).contains("retentionDays");
        JsonNode changed = json(call("PUT", schedule,
                "{\"cron\":\"0 30 1 * * *\",\"retentionDays\":30,\"enabled\":false}", database.token()), 200);
        assertThat(changed.get("enabled").asBoolean()).isFalse();
        assertThat(json(call("GET", schedule, null, database.token()), 200).get("retentionDays").asInt())
                .isEqualTo(30);

        String stranger = tokens.user(UUID.randomUUID());
        assertThat(call("GET", backupsOf(database), null, stranger).statusCode()).isEqualTo(404);
        assertThat(call("POST", backupsOf(database), null, stranger).statusCode()).isEqualTo(404);
        assertThat(call("GET", schedule, null, stranger).statusCode()).isEqualTo(404);
        assertThat(call("GET", backupsOf(database), null, null).statusCode()).isEqualTo(401);
    }

    private Created provisionPostgres() throws Exception {
        return provision("postgresql");
    }

    private Created provision(String type) throws Exception {
        UUID owner = UUID.randomUUID();
        String token = tokens.user(owner);
        String name = "notes-db";
        JsonNode view = json(call("POST", "/api/v1/databases",
                JSON.writeValueAsString(Map.of("type", type, "name", name, "externalAccess", true)), token), 202);
        Created database = new Created(UUID.fromString(view.get("id").asString()), name, owner, token);
        created.add(database);
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            String state = viewOf(database).get("state").asString();
            assertThat(state).isNotEqualTo("FAILED");
            return "RUNNING".equals(state);
        });
        return database;
    }

    private JsonNode completedBackup(Created database) throws Exception {
        JsonNode queued = json(call("POST", backupsOf(database), null, database.token()), 202);
        backupWorker.runPending();
        JsonNode backup = json(call("GET", backupsOf(database) + "/" + queued.get("id").asString(), null,
                database.token()), 200);
        assertThat(backup.get("status").asString()).as(backup.toString()).isEqualTo("COMPLETED");
        return backup;
    }

    private JsonNode viewOf(Created database) throws Exception {
        return json(call("GET", "/api/v1/databases/" + database.id(), null, database.token()), 200);
    }

    private JsonNode restoreView(Created database, JsonNode restore) throws Exception {
        return json(call("GET", "/api/v1/databases/" + database.id() + "/restores/" + restore.get("id").asString(),
                null, database.token()), 200);
    }

    private Path storedFile(Created database, JsonNode backup) {
        return STORE.resolve(database.owner().toString()).resolve(database.id().toString())
                .resolve(backup.get("id").asString() + ".dump");
    }

    private List<String> outboxTypes(Created database) {
        return jdbc.queryForList("select envelope::json->>'type' from outbox_event where aggregate_id = ?",
                String.class, database.id().toString());
    }

    private void sql(Created database, String... statements) throws Exception {
        try (Connection connection = connect(database); var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private List<String> notes(Created database) throws Exception {
        List<String> notes = new ArrayList<>();
        try (Connection connection = connect(database); var statement = connection.createStatement();
                var rows = statement.executeQuery("select body from notes")) {
            while (rows.next()) {
                notes.add(rows.getString(1));
            }
        }
        return notes;
    }

    private Connection connect(Created database) throws Exception {
        JsonNode view = viewOf(database);
        JsonNode credentials = view.get("credentials");
        String url = "jdbc:postgresql://127.0.0.1:" + view.get("externalPort").asInt() + "/"
                + credentials.get("database").asString();
        return await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(SQLException.class)
                .until(() -> DriverManager.getConnection(url, credentials.get("user").asString(),
                        credentials.get("password").asString()), connection -> connection != null);
    }

    /** Adds {@code value} with the engine's own client inside its container. */
    private boolean write(Created database, String type, String value) throws Exception {
        JsonNode credentials = viewOf(database).get("credentials");
        String container = "paas-db-" + database.id();
        String password = credentials.get("password").asString();
        if ("mysql".equals(type)) {
            return dockerExit("exec", "-e", "MYSQL_PWD=" + password, container, "mariadb", "-h127.0.0.1",
                    "-u" + credentials.get("user").asString(), credentials.get("database").asString(), "-e",
                    "CREATE TABLE IF NOT EXISTS t (v varchar(40)); INSERT INTO t VALUES ('" + value + "')") == 0;
        }
        return docker("exec", "-e", "REDISCLI_AUTH=" + password, container, "redis-cli", "--no-auth-warning",
                "SADD", "t", value).matches("\\d+");
    }

    /** The values, sorted, joined with commas. */
    private String read(Created database, String type) throws Exception {
        JsonNode credentials = viewOf(database).get("credentials");
        String container = "paas-db-" + database.id();
        String password = credentials.get("password").asString();
        if ("mysql".equals(type)) {
            return docker("exec", "-e", "MYSQL_PWD=" + password, container, "mariadb", "-h127.0.0.1",
                    "-u" + credentials.get("user").asString(), credentials.get("database").asString(), "-N", "-e",
                    "SELECT group_concat(v ORDER BY v) FROM t");
        }
        return String.join(",", docker("exec", "-e", "REDISCLI_AUTH=" + password, container, "redis-cli",
                "--no-auth-warning", "SMEMBERS", "t").lines().map(String::strip).sorted().toList());
    }

    private static String backupsOf(Created database) {
        return "/api/v1/databases/" + database.id() + "/backups";
    }

    private HttpResponse<String> call(String method, String path, String body, String token) {
        return ServiceCalls.on(port).send(method, path, body, token);
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token);
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static int dockerExit(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return out.strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Created(UUID id, String name, UUID owner, String token) {
    }
}
