package dev.paas.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.project.ProjectCreated;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.contracts.webhook.GitPushReceived;
import dev.paas.fakegithub.Delivery;
import dev.paas.fakegithub.FakeGitHub;
import dev.paas.fakegithub.GitHubRepository;
import dev.paas.fakegithub.GitHubUser;
import dev.paas.gateway.GatewayIntegrationTest;
import dev.paas.messaging.EventCodec;
import dev.paas.messaging.EventEnvelope;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StreamState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * GitHub (the fake) delivers to the real endpoint; the gateway learns its projects from {@code ProjectCreated} on a
 * real JetStream server, keeps deliveries in a real PostgreSQL database and publishes {@code GitPushReceived}
 * through its outbox.
 */
class GitHubWebhooksIT extends GatewayIntegrationTest {

    private static final String PUSH_SUBJECT = "paas.webhook.git-push-received.v1";
    private static final String WEBHOOK_STREAM = "PAAS_WEBHOOK";
    private static final AtomicInteger NAMES = new AtomicInteger();

    private static FakeGitHub github;
    private static GitHubUser owner;
    private static String ownerToken;

    private final HttpClient http = HttpClient.newHttpClient();
    private final EventCodec codec = new EventCodec();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DeliveryRetention retention;

    @BeforeAll
    static void startGitHub() {
        github = FakeGitHub.start();
        owner = github.addUser("Octo-Cat", 4242, "octo@example.com", true);
        ownerToken = github.issueToken(owner);
    }

    @AfterAll
    static void stopGitHub() {
        github.close();
    }

    @Test
    void publishesGitPushReceivedOnceForAnAcceptedPush() throws Exception {
        GitHubRepository repository = newRepository();
        UUID projectId = registeredProject(repository);

        Delivery delivery = single(github.push(repository, "main", sha('a'), "Fix the checkout\n\nLonger text."));

        assertThat(delivery.status()).isEqualTo(202);
        assertThat(delivery.response()).contains("\"status\":\"accepted\"").contains(delivery.id());
        await().atMost(Duration.ofSeconds(20)).until(() -> pushesOnTheBus(delivery.id()).size() == 1);
        GitPushReceived event = pushesOnTheBus(delivery.id()).getFirst();
        assertThat(event).isEqualTo(new GitPushReceived(delivery.id(), projectId, repository.fullName(), "main",
                sha('a'), "Fix the checkout", owner.login()));
    }

    @Test
    void ignoresARedeliveryOfAnAcceptedPush() throws Exception {
        GitHubRepository repository = newRepository();
        registeredProject(repository);
        Delivery delivery = single(github.push(repository, "main", sha('b'), "First"));
        assertThat(delivery.status()).isEqualTo(202);

        Delivery again = github.redeliver(delivery);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.response()).contains("duplicate delivery ignored");
        assertThat(outboxRowsMentioning(delivery.id())).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> outboxPendingCount() == 0);
        assertThat(pushesOnTheBus(delivery.id())).hasSize(1);
    }

    @Test
    void verifiesAgainstEachProjectOfTheRepository() throws Exception {
        GitHubRepository repository = newRepository();
        UUID first = registeredProject(repository);
        // GitHub refuses a second hook with the same URL on a repository; a query string makes it another URL.
        UUID second = registeredProject(repository, endpoint() + "?second");

        List<Delivery> deliveries = github.push(repository, "main", sha('c'), "Both");

        assertThat(deliveries).extracting(Delivery::status).containsExactly(202, 202);
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.stream()
                .allMatch(delivery -> pushesOnTheBus(delivery.id()).size() == 1));
        assertThat(deliveries.stream().map(delivery -> pushesOnTheBus(delivery.id()).getFirst().projectId()))
                .containsExactly(first, second);
    }

    @Test
    void forgetsADeletedProjectAndItsDeliveriesButNotTheOtherProjectOfTheRepository() throws Exception {
        GitHubRepository repository = newRepository();
        UUID deleted = registeredProject(repository);
        UUID kept = registeredProject(repository, endpoint() + "?kept");
        List<Delivery> before = github.push(repository, "main", sha('1'), "Before");
        assertThat(before).extracting(Delivery::status).containsExactly(202, 202);

        bus().publish(new ProjectDeleted(deleted, "p-deleted", UUID.randomUUID(), UUID.randomUUID(),
                repository.fullName()));

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from github_projects where project_id = ?", Integer.class, deleted) == 0);
        assertThat(jdbc.queryForObject("select count(*) from webhook_deliveries where project_id = ?", Integer.class,
                deleted)).isZero();
        assertThat(deliveryRecorded(before.get(1).id())).as("the kept project's delivery").isTrue();
        List<Delivery> after = github.push(repository, "main", sha('2'), "After");
        assertThat(after.getFirst().status()).as("the deleted project's hook").isEqualTo(401);
        assertThat(after.get(1).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> pushesOnTheBus(after.get(1).id()).size() == 1);
        assertThat(pushesOnTheBus(after.get(1).id()).getFirst().projectId()).isEqualTo(kept);
    }

    @Test
    void rejectsTamperedUnsignedAndWronglySignedDeliveries() throws Exception {
        GitHubRepository repository = newRepository();
        UUID projectId = registeredProject(repository);
        String body = pushBody(repository, "refs/heads/main", sha('d'));
        int outboxBefore = outboxRowCount();

        Delivery tampered = deliver("push", body.replace(sha('d'), sha('e')), signature(secretFor(projectId), body));
        Delivery wronglySigned = deliver("push", body, signature(secretFor(UUID.randomUUID()), body));
        Delivery signedWithTheKeyItself = deliver("push", body, signature(WEBHOOK_KEY, body));
        Delivery unsigned = deliver("push", body, null);
        Delivery garbled = deliver("push", body, "sha256=not-hex");

        for (Delivery rejected : List.of(tampered, wronglySigned, signedWithTheKeyItself, unsigned, garbled)) {
            assertThat(rejected.status()).as(rejected.response()).isEqualTo(401);
            assertThat(rejected.response()).contains("\"status\":401");
            assertThat(deliveryRecorded(rejected.id())).isFalse();
        }
        assertThat(outboxRowCount()).isEqualTo(outboxBefore);
        assertThat(pushesOf(projectId)).isEmpty();
    }

    @Test
    void answersNotFoundForARepositoryWithoutProject() throws Exception {
        GitHubRepository repository = newRepository();
        registerHook(repository, endpoint(), secretFor(UUID.randomUUID()));

        Delivery delivery = single(github.push(repository, "main", sha('f'), "Nobody listens"));

        assertThat(delivery.status()).isEqualTo(404);
        assertThat(delivery.header("X-Hub-Signature-256")).isNotNull();
        assertThat(delivery.response()).contains("unknown repository").contains(repository.fullName());
        assertThat(deliveryRecorded(delivery.id())).isFalse();
    }

    @Test
    void rejectsMalformedDeliveries() throws Exception {
        GitHubRepository repository = newRepository();
        UUID projectId = registeredProject(repository);
        String secret = secretFor(projectId);
        int outboxBefore = outboxRowCount();

        Delivery notJson = deliver("push", "{not json", signature(secret, "{not json"));
        Delivery noRepository = deliver("push", "{\"ref\":\"refs/heads/main\"}",
                signature(secret, "{\"ref\":\"refs/heads/main\"}"));
        String withoutAfter = "{\"ref\":\"refs/heads/main\",\"repository\":{\"full_name\":\"" + repository.fullName()
                + "\"}}";
        Delivery pushWithoutHead = deliver("push", withoutAfter, signature(secret, withoutAfter));
        HttpResponse<String> noHeaders = post("{}", Map.of());

        for (Delivery rejected : List.of(notJson, noRepository, pushWithoutHead)) {
            assertThat(rejected.status()).as(rejected.response()).isEqualTo(400);
            assertThat(rejected.response()).contains("\"status\":400");
        }
        assertThat(noHeaders.statusCode()).isEqualTo(400);
        assertThat(noHeaders.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(outboxRowCount()).isEqualTo(outboxBefore);
    }

    @Test
    void answersPingAndIgnoresOtherEvents() throws Exception {
        GitHubRepository repository = newRepository();
        UUID projectId = registeredProject(repository);
        String issue = "{\"action\":\"opened\",\"repository\":{\"full_name\":\"" + repository.fullName() + "\"}}";

        Delivery ping = single(github.ping(repository));
        Delivery issues = deliver("issues", issue, signature(secretFor(projectId), issue));

        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.response()).contains("\"status\":\"pong\"");
        assertThat(issues.status()).isEqualTo(202);
        assertThat(issues.response()).contains("\"status\":\"ignored\"");
        assertThat(deliveryRecorded(ping.id())).isFalse();
        assertThat(deliveryRecorded(issues.id())).isFalse();
    }

    @Test
    void publishesATagPushWithoutBranch() throws Exception {
        GitHubRepository repository = newRepository();
        UUID projectId = registeredProject(repository);
        String body = pushBody(repository, "refs/tags/v1.0.0", sha('1'));

        Delivery delivery = deliver("push", body, signature(secretFor(projectId), body));

        assertThat(delivery.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> pushesOnTheBus(delivery.id()).size() == 1);
        GitPushReceived event = pushesOnTheBus(delivery.id()).getFirst();
        assertThat(event.branch()).isNull();
        assertThat(event.commitSha()).isEqualTo(sha('1'));
        assertThat(event.commitMessage()).isEqualTo("Tag it");
        assertThat(event.pusher()).isEqualTo("someone");
    }

    @Test
    void keepsAnAcceptedPushInTheStreamForAConsumerThatSubscribesLater() throws Exception {
        GitHubRepository repository = newRepository();
        UUID projectId = registeredProject(repository);
        Delivery delivery = single(github.push(repository, "release", sha('2'), "Ship it"));
        assertThat(delivery.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> outboxPendingCount() == 0);
        JetStreamManagement jsm = bus().client().jetStreamManagement();
        assertThat(jsm.getConsumerNames(WEBHOOK_STREAM)).as("nobody consumed the push yet").isEmpty();

        String durable = "late-consumer-" + NAMES.incrementAndGet();
        JetStreamSubscription late = bus().client().jetStream().subscribe(PUSH_SUBJECT, PullSubscribeOptions.builder()
                .configuration(ConsumerConfiguration.builder().durable(durable).filterSubject(PUSH_SUBJECT)
                        .deliverPolicy(DeliverPolicy.All).build())
                .build());
        try {
            List<GitPushReceived> received = new ArrayList<>();
            for (Message message : late.fetch(1000, Duration.ofSeconds(2))) {
                received.add(read(message.getData()));
                message.ack();
            }
            assertThat(received).filteredOn(event -> event.deliveryId().equals(delivery.id()))
                    .singleElement()
                    .satisfies(event -> {
                        assertThat(event.projectId()).isEqualTo(projectId);
                        assertThat(event.branch()).isEqualTo("release");
                    });
        } finally {
            late.unsubscribe();
            jsm.deleteConsumer(WEBHOOK_STREAM, durable);
        }
    }

    @Test
    void forgetsDeliveriesAfterThirtyDays() {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        insertDelivery(old, Instant.now().minus(Duration.ofDays(31)));
        insertDelivery(recent, Instant.now().minus(Duration.ofDays(29)));

        assertThat(retention.purgeExpired()).isGreaterThanOrEqualTo(1);

        assertThat(deliveryRecorded(old)).isFalse();
        assertThat(deliveryRecorded(recent)).isTrue();
    }

    // ---- arranging ----------------------------------------------------------------------------------------------

    private static GitHubRepository newRepository() {
        return github.addRepository(owner, "Shop-" + NAMES.incrementAndGet(), null, "main", "release");
    }

    /** A project picked from {@code repository}: announced on the bus, its hook registered the way identity does. */
    private UUID registeredProject(GitHubRepository repository) throws Exception {
        return registeredProject(repository, endpoint());
    }

    private UUID registeredProject(GitHubRepository repository, String hookUrl) throws Exception {
        UUID projectId = UUID.randomUUID();
        bus().publish(new ProjectCreated(projectId, "p-" + projectId.toString().substring(0, 8), UUID.randomUUID(),
                repository.cloneUrl(), "main", repository.fullName()));
        registerHook(repository, hookUrl, secretFor(projectId));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from github_projects where project_id = ? and repository = lower(?)", Integer.class,
                projectId, repository.fullName()) == 1);
        return projectId;
    }

    private void registerHook(GitHubRepository repository, String url, String secret) throws Exception {
        String hook = """
                {"name":"web","active":true,"events":["push"],
                 "config":{"url":"%s","content_type":"json","secret":"%s"}}""".formatted(url, secret);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(github.apiUrl() + "/repos/" + repository.fullName() + "/hooks"))
                .header("Authorization", "Bearer " + ownerToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(hook)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** The spec's derivation, written out independently of the production code. */
    private static String secretFor(UUID projectId) throws Exception {
        byte[] digest = hmac(WEBHOOK_KEY, "github-webhook:" + projectId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String signature(String secret, String body) throws Exception {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret, body));
    }

    private static byte[] hmac(String key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    private static String pushBody(GitHubRepository repository, String ref, String after) {
        return """
                {"ref":"%s","before":"%s","after":"%s","repository":{"full_name":"%s"},
                 "pusher":{"name":"someone"},"head_commit":{"id":"%s","message":"Tag it\\nmore"}}"""
                .formatted(ref, sha('0'), after, repository.fullName(), after);
    }

    private static String sha(char digit) {
        return String.valueOf(digit).repeat(40);
    }

    // ---- acting -------------------------------------------------------------------------------------------------

    private Delivery deliver(String event, String body, String signature) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-GitHub-Event", event);
        headers.put("X-GitHub-Delivery", UUID.randomUUID().toString());
        if (signature != null) {
            headers.put("X-Hub-Signature-256", signature);
        }
        return github.deliverRaw(endpoint(), body, headers);
    }

    private HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String endpoint() {
        return "http://127.0.0.1:" + port + "/webhooks/github";
    }

    private static Delivery single(List<Delivery> deliveries) {
        assertThat(deliveries).hasSize(1);
        return deliveries.getFirst();
    }

    // ---- looking ------------------------------------------------------------------------------------------------

    private List<GitPushReceived> pushesOnTheBus(String deliveryId) {
        return allPushesOnTheBus().stream().filter(event -> event.deliveryId().equals(deliveryId)).toList();
    }

    private List<GitPushReceived> pushesOf(UUID projectId) {
        return allPushesOnTheBus().stream().filter(event -> event.projectId().equals(projectId)).toList();
    }

    /** Every push event stored in the stream, read message by message without creating a consumer. */
    private List<GitPushReceived> allPushesOnTheBus() {
        try {
            JetStreamManagement jsm = bus().client().jetStreamManagement();
            StreamState state;
            try {
                state = jsm.getStreamInfo(WEBHOOK_STREAM).getStreamState();
            } catch (JetStreamApiException e) {
                return List.of(); // nothing published yet: the stream is created with the first publish
            }
            if (state.getMsgCount() == 0) {
                return List.of(); // provisioned, nothing published yet: sequence 0 is no message to get
            }
            List<GitPushReceived> pushes = new ArrayList<>();
            for (long sequence = state.getFirstSequence(); sequence <= state.getLastSequence(); sequence++) {
                MessageInfo message = jsm.getMessage(WEBHOOK_STREAM, sequence);
                if (PUSH_SUBJECT.equals(message.getSubject())) {
                    pushes.add(read(message.getData()));
                }
            }
            return pushes;
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("cannot read " + WEBHOOK_STREAM + ": " + e.getMessage(), e);
        }
    }

    private GitPushReceived read(byte[] data) {
        EventEnvelope envelope = codec.fromBytes(data);
        return codec.read(envelope, GitPushReceived.class);
    }

    private int outboxRowCount() {
        return jdbc.queryForObject("select count(*) from outbox_event", Integer.class);
    }

    private int outboxPendingCount() {
        return jdbc.queryForObject("select count(*) from outbox_event where published_at is null", Integer.class);
    }

    private int outboxRowsMentioning(String deliveryId) {
        return jdbc.queryForObject("select count(*) from outbox_event where envelope like ?", Integer.class,
                "%" + deliveryId + "%");
    }

    private boolean deliveryRecorded(String deliveryId) {
        return jdbc.queryForObject("select count(*) from webhook_deliveries where delivery_id = ?", Integer.class,
                deliveryId) == 1;
    }

    private void insertDelivery(String deliveryId, Instant receivedAt) {
        jdbc.update("insert into webhook_deliveries (delivery_id, project_id, event, received_at) values (?, ?, ?, ?)",
                deliveryId, UUID.randomUUID(), "push", Timestamp.from(receivedAt));
    }
}
