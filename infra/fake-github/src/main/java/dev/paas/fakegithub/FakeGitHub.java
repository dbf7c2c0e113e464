package dev.paas.fakegithub;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small stand-in for GitHub, for tests: the OAuth web flow (with PKCE), the part of the REST API the platform uses
 * ({@code /user}, {@code /user/emails}, {@code /user/repos}, branches, repository webhooks) and webhook deliveries
 * signed like GitHub's. It listens on 127.0.0.1; the REST API lives under {@code /api/v3} as on GitHub Enterprise,
 * so {@link #apiUrl()} is what a client configures as its API base and {@link #baseUrl()} its OAuth base.
 *
 * <p>Tests arrange the world through the Java API: {@link #addUser}, {@link #signInAs} (who approves the
 * authorize page), {@link #addRepository}, then act as GitHub would: {@link #push}, {@link #ping},
 * {@link #redeliver}. Failures can be staged with {@link #failNextApiCalls} and {@link #revokeTokens}.
 */
public final class FakeGitHub implements AutoCloseable {

    public static final String DEFAULT_CLIENT_ID = "paas-test-client";
    public static final String DEFAULT_CLIENT_SECRET = "paas-test-secret";
    static final String API_PREFIX = "/api/v3";
    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    /** An authorization code the authorize page handed out, waiting to be exchanged once. */
    record Grant(GitHubUser user, String redirectUri, String codeChallenge, Set<String> scopes, Instant expiresAt) {
    }

    /** An access token: whose it is and what it may do. */
    record Token(GitHubUser user, Set<String> scopes) {
    }

    private final String clientId;
    private final String clientSecret;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final WebhookSender sender = new WebhookSender();
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong ids = new AtomicLong(100_000);

    private final Map<Long, GitHubUser> users = new LinkedHashMap<>();
    private final Map<String, GitHubRepository> repositories = new LinkedHashMap<>();
    private final Map<Long, List<Hook>> hooks = new HashMap<>();
    private final Map<String, Grant> codes = new HashMap<>();
    private final Map<String, Token> tokens = new HashMap<>();
    private final Deque<Integer> stagedFailures = new ArrayDeque<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Hook> deletedHooks = new CopyOnWriteArrayList<>();
    private volatile GitHubUser signedIn;

    private FakeGitHub(int port, String clientId, String clientSecret) throws IOException {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(executor);
        server.createContext("/login/oauth/", new OAuthEndpoints(this));
        server.createContext(API_PREFIX + "/", new RestApi(this));
        server.createContext("/", exchange -> Exchanges.json(exchange, 404, Map.of("message", "Not Found")));
        server.start();
    }

    /** Starts on a free port of 127.0.0.1 with the default client id and secret. */
    public static FakeGitHub start() {
        return start(0);
    }

    /** Starts on {@code port} of 127.0.0.1 (0 = any free port) with the default client id and secret. */
    public static FakeGitHub start(int port) {
        return start(port, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET);
    }

    public static FakeGitHub start(int port, String clientId, String clientSecret) {
        try {
            return new FakeGitHub(port, clientId, clientSecret);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake GitHub on port " + port, e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: the OAuth base ({@code /login/oauth/...}) and the web host. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code <baseUrl>/api/v3}: the REST API base. */
    public String apiUrl() {
        return baseUrl() + API_PREFIX;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- arranging the world ------------------------------------------------------------------------------------

    /** Adds a user with one primary address ({@code email} may be {@code null} for a user without any). */
    public synchronized GitHubUser addUser(String login, long id, String email, boolean verified) {
        if (users.containsKey(id) || users.values().stream().anyMatch(user -> user.login().equalsIgnoreCase(login))) {
            throw new IllegalArgumentException("a user " + login + " or with id " + id + " exists already");
        }
        GitHubUser user = new GitHubUser(login, id);
        if (email != null) {
            user.addEmail(email, verified);
        }
        users.put(id, user);
        return user;
    }

    /** Who the authorize page approves from now on, as if they were signed in at GitHub and clicked Authorize. */
    public void signInAs(GitHubUser user) {
        signedIn = user;
    }

    /** Nobody is signed in: the authorize page answers as if the user clicked Cancel ({@code access_denied}). */
    public void signOut() {
        signedIn = null;
    }

    /**
     * Adds a repository owned by {@code owner}. {@code cloneUrl} may be {@code null} for
     * {@code <baseUrl>/<owner>/<name>.git}; the default branch always exists, {@code branches} are added after it,
     * each with a random head commit.
     */
    public synchronized GitHubRepository addRepository(GitHubUser owner, String name, String cloneUrl,
            String defaultBranch, String... branches) {
        String fullName = owner.login() + "/" + name;
        if (repositories.containsKey(key(fullName))) {
            throw new IllegalArgumentException("repository " + fullName + " exists already");
        }
        GitHubRepository repository = new GitHubRepository(ids.incrementAndGet(), owner, name,
                cloneUrl != null ? cloneUrl : baseUrl() + "/" + fullName + ".git", baseUrl() + "/" + fullName,
                defaultBranch);
        Set<String> all = new LinkedHashSet<>();
        all.add(defaultBranch);
        all.addAll(Arrays.asList(branches));
        all.forEach(branch -> repository.moveBranch(branch, randomSha()));
        repositories.put(key(fullName), repository);
        return repository;
    }

    /** Makes {@code user} a collaborator of {@code repository}, with or without admin rights (and so hooks). */
    public void grantAccess(GitHubRepository repository, GitHubUser user, boolean admin) {
        repository.grant(user, admin);
    }

    /** A token for {@code user} with every scope the platform asks for, as if the OAuth flow had run. */
    public synchronized String issueToken(GitHubUser user) {
        return newToken(user, Set.of("repo", "read:user", "user:email", "admin:repo_hook"));
    }

    /** Revokes every token of {@code user}: the API answers 401 Bad credentials to them. */
    public synchronized void revokeTokens(GitHubUser user) {
        tokens.values().removeIf(token -> token.user().id() == user.id());
    }

    /** The next {@code count} REST API calls answer {@code status} (e.g. 502) before anything else is checked. */
    public synchronized void failNextApiCalls(int count, int status) {
        for (int i = 0; i < count; i++) {
            stagedFailures.add(status);
        }
    }

    // ---- looking at what happened -------------------------------------------------------------------------------

    /** The hooks registered on {@code repository}, oldest first, secrets included. */
    public synchronized List<Hook> hooks(GitHubRepository repository) {
        return List.copyOf(hooks.getOrDefault(repository.id(), List.of()));
    }

    /**
     * The hooks deleted through {@code DELETE /repos/{owner}/{repo}/hooks/{id}}, in the order they were; a DELETE of
     * a hook that does not exist (404) is not among them, only in {@link #requests()}.
     */
    public List<Hook> deletedHooks() {
        return List.copyOf(deletedHooks);
    }

    /** Every webhook delivery made so far, oldest first. */
    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Every request received on the OAuth endpoints and the REST API, oldest first. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    // ---- acting as GitHub ---------------------------------------------------------------------------------------

    /**
     * Moves {@code branch} of {@code repository} to {@code sha} and delivers a {@code push} event to every active
     * hook that wants pushes; returns the deliveries, made synchronously.
     */
    public List<Delivery> push(GitHubRepository repository, String branch, String sha, String message) {
        String before = repository.moveBranch(branch, sha);
        Map<String, Object> payload = WebhookPayloads.push(repository, branch, before, sha, message, baseUrl());
        return deliverToAll(repository, "push", payload);
    }

    /** Delivers a {@code ping} event to every hook of {@code repository}, as GitHub does when asked to. */
    public List<Delivery> ping(GitHubRepository repository) {
        List<Delivery> made = new ArrayList<>();
        for (Hook hook : hooks(repository)) {
            made.add(record(sender.send(hook, "ping", WebhookPayloads.ping(repository, hook, baseUrl()),
                    UUID.randomUUID().toString())));
        }
        return made;
    }

    /** Sends {@code delivery} again with the same body, headers and delivery id, like "Redeliver" on GitHub. */
    public Delivery redeliver(Delivery delivery) {
        return record(sender.sendRaw(delivery.id(), delivery.event(), delivery.hookId(), delivery.url(),
                delivery.body(), delivery.headers()));
    }

    /** Posts an arbitrary body with arbitrary headers to {@code url}: for tests that tamper with a delivery. */
    public Delivery deliverRaw(String url, String body, Map<String, String> headers) {
        String id = headers.getOrDefault("X-GitHub-Delivery", UUID.randomUUID().toString());
        return record(sender.sendRaw(id, headers.getOrDefault("X-GitHub-Event", "push"), 0, url, body, headers));
    }

    /** {@code sha256=<hex HMAC-SHA256 of body>}: the {@code X-Hub-Signature-256} value GitHub would send. */
    public static String signature(String secret, String body) {
        return "sha256=" + WebhookSender.hmac("HmacSHA256", secret, body);
    }

    private List<Delivery> deliverToAll(GitHubRepository repository, String event, Map<String, Object> payload) {
        List<Delivery> made = new ArrayList<>();
        for (Hook hook : hooks(repository)) {
            if (hook.wants(event)) {
                made.add(record(sender.send(hook, event, payload, UUID.randomUUID().toString())));
            }
        }
        return made;
    }

    private Delivery record(Delivery delivery) {
        deliveries.add(delivery);
        return delivery;
    }

    // ---- state the endpoints use --------------------------------------------------------------------------------

    void recordRequest(RecordedRequest request) {
        requests.add(request);
    }

    GitHubUser signedInUser() {
        return signedIn;
    }

    synchronized String newCode(GitHubUser user, String redirectUri, String codeChallenge, Set<String> scopes) {
        String code = HexFormat.of().formatHex(randomBytes(10));
        codes.put(code, new Grant(user, redirectUri, codeChallenge, scopes, Instant.now().plus(CODE_LIFETIME)));
        return code;
    }

    /** Removes and returns the grant of {@code code}: a code is good for one exchange attempt only. */
    synchronized Optional<Grant> takeCode(String code) {
        Grant grant = code == null ? null : codes.remove(code);
        return Optional.ofNullable(grant).filter(g -> g.expiresAt().isAfter(Instant.now()));
    }

    synchronized String newToken(GitHubUser user, Set<String> scopes) {
        String token = "gho_" + HexFormat.of().formatHex(randomBytes(18));
        tokens.put(token, new Token(user, Set.copyOf(scopes)));
        return token;
    }

    synchronized Optional<Token> token(String value) {
        return Optional.ofNullable(value == null ? null : tokens.get(value));
    }

    synchronized OptionalInt nextStagedFailure() {
        Integer status = stagedFailures.poll();
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    synchronized Optional<GitHubRepository> repository(String owner, String name) {
        return Optional.ofNullable(repositories.get(key(owner + "/" + name)));
    }

    /** Repositories {@code user} can see, sorted by full name as GitHub's default listing is. */
    synchronized List<GitHubRepository> repositoriesOf(GitHubUser user) {
        return repositories.values().stream().filter(repository -> repository.canRead(user))
                .sorted(Comparator.comparing(repository -> key(repository.fullName()))).toList();
    }

    /** Registers a hook; empty when a hook with the same URL exists on the repository already. */
    synchronized Optional<Hook> addHook(GitHubRepository repository, String name, List<String> events,
            boolean active, String url, String contentType, String secret, String insecureSsl) {
        List<Hook> existing = hooks.computeIfAbsent(repository.id(), id -> new ArrayList<>());
        if (existing.stream().anyMatch(hook -> hook.url().equals(url))) {
            return Optional.empty();
        }
        Hook hook = new Hook(ids.incrementAndGet(), repository.fullName(), name, List.copyOf(events), active, url,
                contentType, secret, insecureSsl, Instant.now());
        existing.add(hook);
        return Optional.of(hook);
    }

    synchronized boolean deleteHook(GitHubRepository repository, long hookId) {
        List<Hook> registered = hooks.getOrDefault(repository.id(), new ArrayList<>());
        Optional<Hook> hook = registered.stream().filter(candidate -> candidate.id() == hookId).findFirst();
        hook.ifPresent(deleted -> {
            registered.remove(deleted);
            deletedHooks.add(deleted);
        });
        return hook.isPresent();
    }

    private String randomSha() {
        return HexFormat.of().formatHex(randomBytes(20));
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String key(String fullName) {
        return fullName.toLowerCase(Locale.ROOT);
    }
}
