package dev.paas.runtime.domains;

import static java.time.temporal.ChronoUnit.MINUTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.IntegrationEvent;
import dev.paas.contracts.runtime.DomainAdded;
import dev.paas.contracts.runtime.DomainRemoved;
import dev.paas.messaging.EventCodec;
import dev.paas.runtime.ingress.ProjectHosts;
import dev.paas.runtime.projects.ProjectRemoved;
import dev.paas.runtime.testing.RuntimeIntegrationSupport;
import dev.paas.tokens.testing.TestTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Custom domains through the REST API against the real database: who may add which name, what lands in the outbox,
 * what the ingress is told after the commit, and what Caddy's on-demand TLS check answers. The projects are known
 * by a failed release each, so no container is started.
 */
class DomainsIT extends RuntimeIntegrationSupport {

    /** Hosts of each project as {@link ProjectHosts} reported them when {@link ProjectHostsChanged} arrived. */
    private static final Map<UUID, List<List<String>>> hostsWhenChanged = new ConcurrentHashMap<>();
    private static volatile boolean listening;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID aliceProject = UUID.randomUUID();
    private final UUID bobProject = UUID.randomUUID();
    private final String aliceSlug = "dom-" + aliceProject.toString().substring(0, 8);
    private final String suffix = aliceProject.toString().substring(0, 8) + ".example.com";

    @Value("${local.server.port}")
    int port;

    @Value("${paas.base-domain}")
    String baseDomain;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventCodec codec;

    @Autowired
    ProjectHosts hosts;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ConfigurableApplicationContext context;

    @BeforeEach
    void twoUsersWithAProjectEach() {
        release(aliceProject, alice, aliceSlug);
        release(bobProject, bob, "dom-" + bobProject.toString().substring(0, 8));
        if (!listening) {
            ProjectHosts reader = hosts;
            context.addApplicationListener(ApplicationListener.<ProjectHostsChanged>forPayload(changed ->
                    hostsWhenChanged.computeIfAbsent(changed.projectId(), id -> new CopyOnWriteArrayList<>())
                            // read on another thread, with a connection of its own: it sees committed rows only
                            .add(CompletableFuture.supplyAsync(() -> reader.hostsOf(changed.projectId(), "slug"))
                                    .join())));
            listening = true;
        }
    }

    @Test
    void addsListsAndRemovesADomainOfTheOwnersProject() throws Exception {
        String domain = "shop." + suffix;

        HttpResponse<String> added = post(aliceProject, domainJson("Shop." + suffix + "."), alice);

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode body = json.readTree(added.body());
        assertThat(body.path("domain").asString()).isEqualTo(domain);
        assertThat(body.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(Instant.parse(body.path("createdAt").asString())).isCloseTo(Instant.now(), within(1, MINUTES));
        assertThat(added.headers().firstValue("Location"))
                .hasValue("/api/v1/projects/" + aliceProject + "/domains/" + domain);
        assertThat(domainsOf(aliceProject, alice)).containsExactly(domain);
        assertThat(hosts.hostsOf(aliceProject, aliceSlug)).containsExactly(aliceSlug + "." + baseDomain, domain);
        assertThat(outboxOf(aliceProject)).containsExactly(new DomainAdded(aliceProject, alice, alice, domain));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(hostsWhenChanged.get(aliceProject))
                .as("ProjectHostsChanged after the commit").containsExactly(List.of("slug." + baseDomain, domain)));

        HttpResponse<String> removed = delete(aliceProject, domain, alice);

        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        assertThat(domainsOf(aliceProject, alice)).isEmpty();
        assertThat(outboxOf(aliceProject)).containsExactly(new DomainAdded(aliceProject, alice, alice, domain),
                new DomainRemoved(aliceProject, alice, alice, domain));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(hostsWhenChanged.get(aliceProject))
                .containsExactly(List.of("slug." + baseDomain, domain), List.of("slug." + baseDomain)));
        assertThat(delete(aliceProject, domain, alice).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesWhatIsNoCustomHostNameWithAProblemAndChangesNothing() throws Exception {
        for (String request : List.of(domainJson("*." + suffix), domainJson("127.0.0.1"),
                domainJson("localhost"), domainJson("-bad." + suffix), domainJson(""), "{}",
                domainJson(baseDomain), domainJson(aliceSlug + "." + baseDomain),
                domainJson("a".repeat(64) + ".com"))) {
            HttpResponse<String> response = post(aliceProject, request, alice);

            assertThat(response.statusCode()).as(request).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(request)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json.readTree(response.body()).path("detail").asString()).as(request).startsWith("domain ");
        }
        assertThat(post(aliceProject, domainJson(baseDomain), alice).body())
                .contains("the platform's");
        assertThat(domainsOf(aliceProject, alice)).isEmpty();
        assertThat(outboxOf(aliceProject)).isEmpty();
        assertThat(hostsWhenChanged).doesNotContainKey(aliceProject);
    }

    @Test
    void allowsTwentyDomainsPerProject() throws Exception {
        for (int i = 1; i <= ProjectDomains.MAX_PER_PROJECT; i++) {
            assertThat(post(aliceProject, domainJson("d" + i + "." + suffix), alice).statusCode())
                    .isEqualTo(201);
        }

        HttpResponse<String> oneTooMany = post(aliceProject, domainJson("d21." + suffix), alice);

        assertThat(oneTooMany.statusCode()).isEqualTo(400);
        assertThat(oneTooMany.body()).contains("already has 20 custom domains");
        assertThat(domainsOf(aliceProject, alice)).hasSize(20).doesNotContain("d21." + suffix);
    }

    @Test
    void aDomainRoutesToOneProjectOnly() throws Exception {
        String domain = "taken." + suffix;
        assertThat(post(aliceProject, domainJson(domain), alice).statusCode()).isEqualTo(201);

        HttpResponse<String> byBob = post(bobProject, domainJson(domain.toUpperCase()), bob);
        HttpResponse<String> again = post(aliceProject, domainJson(domain), alice);

        assertThat(byBob.statusCode()).isEqualTo(409);
        assertThat(json.readTree(byBob.body()).path("detail").asString())
                .isEqualTo(domain + " is already used by another project; a domain can route to one project only");
        assertThat(byBob.body()).doesNotContain(aliceProject.toString());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already a domain of this project");
        assertThat(domainsOf(bobProject, bob)).isEmpty();
        assertThat(outboxOf(bobProject)).isEmpty();
        assertThat(delete(bobProject, domain, bob).statusCode()).isEqualTo(404);
        assertThat(domainsOf(aliceProject, alice)).containsExactly(domain);
    }

    @Test
    void twoProjectsRacingForADomainGetItOnceAndAConflictOnce() throws Exception {
        String domain = "race." + suffix;
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService both = Executors.newFixedThreadPool(2)) {
            for (UUID[] user : new UUID[][] {{aliceProject, alice}, {bobProject, bob}}) {
                Callable<Integer> add = () -> {
                    start.await();
                    return post(user[0], domainJson(domain), user[1]).statusCode();
                };
                answers.add(both.submit(add));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        }
        assertThat(jdbc.queryForObject("select count(*) from project_domains where domain = ?", Integer.class,
                domain)).isEqualTo(1);
        assertThat(outboxOf(aliceProject).size() + outboxOf(bobProject).size()).isEqualTo(1);
    }

    @Test
    void answersAnotherUsersProjectLikeAnUnknownOne() throws Exception {
        String domain = "mine." + suffix;
        assertThat(post(aliceProject, domainJson(domain), alice).statusCode()).isEqualTo(201);
        UUID unknown = UUID.randomUUID();

        for (UUID project : List.of(aliceProject, unknown)) {
            List<HttpResponse<String>> answers = List.of(get("/api/v1/projects/" + project + "/domains", bob),
                    post(project, domainJson("other." + suffix), bob), delete(project, domain, bob));
            for (HttpResponse<String> answer : answers) {
                assertThat(answer.statusCode()).as(answer.request().method()).isEqualTo(404);
                assertThat(json.readTree(answer.body()).path("detail").asString())
                        .isEqualTo("project " + project + " not found");
            }
        }
        assertThat(domainsOf(aliceProject, alice)).containsExactly(domain);
        assertThat(outboxOf(aliceProject)).hasSize(1);
    }

    @Test
    void needsAToken() throws Exception {
        for (HttpRequest request : List.of(
                HttpRequest.newBuilder(uri("/api/v1/projects/" + aliceProject + "/domains")).GET().build(),
                HttpRequest.newBuilder(uri("/api/v1/projects/" + aliceProject + "/domains"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(domainJson("x." + suffix))).build(),
                HttpRequest.newBuilder(uri("/api/v1/projects/" + aliceProject + "/domains/x." + suffix))
                        .DELETE().build())) {
            assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        }
        assertThat(domainsOf(aliceProject, alice)).isEmpty();
    }

    @Test
    void letsCaddyIssueCertificatesOnlyForTheNamesThePlatformServes() throws Exception {
        String domain = "tls." + suffix;
        assertThat(post(aliceProject, domainJson(domain), alice).statusCode()).isEqualTo(201);

        assertThat(ask(domain)).isEqualTo(200);
        assertThat(ask(domain.toUpperCase() + ".")).isEqualTo(200);
        assertThat(ask(aliceSlug + "." + baseDomain)).isEqualTo(200);
        assertThat(ask(baseDomain)).as("the platform's own host").isEqualTo(200);
        assertThat(ask("other." + suffix)).isEqualTo(404);
        assertThat(ask("nobody." + baseDomain)).isEqualTo(404);
        assertThat(ask("a." + aliceSlug + "." + baseDomain)).isEqualTo(404);
        assertThat(ask("")).isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(uri("/internal/tls/ask")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);

        assertThat(delete(aliceProject, domain, alice).statusCode()).isEqualTo(204);
        assertThat(ask(domain)).isEqualTo(404);
    }

    @Test
    void aDeletedProjectsDomainsGoWithIt() throws Exception {
        List<String> domains = List.of("one." + suffix, "two." + suffix);
        for (String domain : domains) {
            assertThat(post(aliceProject, domainJson(domain), alice).statusCode()).isEqualTo(201);
        }

        transactions.executeWithoutResult(status -> events.publishEvent(
                new ProjectRemoved(aliceProject, aliceSlug, alice)));

        assertThat(jdbc.queryForObject("select count(*) from project_domains where project_id = ?", Integer.class,
                aliceProject)).isZero();
        assertThat(outboxOf(aliceProject)).containsExactly(new DomainAdded(aliceProject, alice, alice, domains.get(0)),
                new DomainAdded(aliceProject, alice, alice, domains.get(1)),
                new DomainRemoved(aliceProject, alice, null, domains.get(0)),
                new DomainRemoved(aliceProject, alice, null, domains.get(1)));
        assertThat(ask(domains.get(0))).isEqualTo(404);
        assertThat(post(bobProject, domainJson(domains.get(0)), bob).statusCode())
                .as("free again").isEqualTo(201);
    }

    private void release(UUID projectId, UUID owner, String slug) {
        jdbc.update("""
                insert into releases (deployment_id, project_id, owner_id, slug, image_tag, port, status, error,
                                      attempts, created_at, updated_at, version)
                values (?, ?, ?, ?, 'paas-test/none:1', 3000, 'FAILED', 'image not found', 0, now(), now(), 1)""",
                UUID.randomUUID(), projectId, owner, slug);
    }

    private List<String> domainsOf(UUID projectId, UUID user) throws Exception {
        HttpResponse<String> response = get("/api/v1/projects/" + projectId + "/domains", user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> domains = new ArrayList<>();
        json.readTree(response.body()).forEach(domain -> domains.add(domain.path("domain").asString()));
        return domains;
    }

    private List<IntegrationEvent> outboxOf(UUID projectId) {
        return jdbc.queryForList("""
                select envelope from outbox_event where aggregate_id = ? and subject like 'paas.runtime.domain-%'
                order by occurred_at, id""", String.class, projectId.toString()).stream()
                .map(envelope -> codec.payloadOf(codec.fromBytes(envelope.getBytes(StandardCharsets.UTF_8)))
                        .orElseThrow())
                .toList();
    }

    private int ask(String domain) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/internal/tls/ask?domain="
                + URLEncoder.encode(domain, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private HttpResponse<String> get(String path, UUID user) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), user);
    }

    /** The body of POST .../domains, written by Jackson. */
    private String domainJson(String domain) {
        return json.writeValueAsString(java.util.Map.of("domain", domain));
    }

    private HttpResponse<String> post(UUID projectId, String body, UUID user) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/v1/projects/" + projectId + "/domains"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), user);
    }

    private HttpResponse<String> delete(UUID projectId, String domain, UUID user) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/v1/projects/" + projectId + "/domains/" + domain)).DELETE(),
                user);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, UUID user) throws Exception {
        request.header("Authorization", TestTokens.bearer(TestTokens.shared().user(user)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
