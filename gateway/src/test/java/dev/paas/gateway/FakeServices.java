package dev.paas.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Every service behind the gateway in one loopback HTTP server: it answers each request with its path, remembers
 * what arrived, and plays identity-service's API token exchange. Its answers carry headers the gateway must replace
 * or remove ({@code Server}, {@code X-Powered-By}, a weaker {@code X-Frame-Options}, a wildcard CORS header).
 */
final class FakeServices {

    static final String EXCHANGE_PATH = "/internal/api-tokens/exchange";
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]*)\"");

    /** One request as a service received it; header names in lower case. */
    record Received(String method, String path, Map<String, List<String>> headers, int bodyLength) {

        Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    private static FakeServices shared;

    private final HttpServer server;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> apiTokens = new ConcurrentHashMap<>();
    private final AtomicInteger exchanges = new AtomicInteger();

    private FakeServices() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    /** The fake services of every gateway test context of this JVM, started on first use. */
    static synchronized FakeServices shared() {
        if (shared == null) {
            try {
                shared = new FakeServices();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the fake services: " + e.getMessage(), e);
            }
        }
        return shared;
    }

    /** Routes every service of the gateway, and the API token exchange, to this server. */
    void register(DynamicPropertyRegistry registry) {
        for (String service : List.of("project", "build", "runtime", "identity", "database", "metrics", "billing")) {
            registry.add("PAAS_" + service.toUpperCase(Locale.ROOT) + "_SERVICE_URL", this::url);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Forgets the requests that arrived so far, so that a test counts only its own. */
    void forgetRequests() {
        received.clear();
    }

    /** From now on identity-service exchanges {@code apiToken} for {@code accessToken}. */
    void acceptApiToken(String apiToken, String accessToken) {
        apiTokens.put(apiToken, accessToken);
    }

    int exchanges() {
        return exchanges.get();
    }

    /** The latest request that reached a service at {@code path}. */
    Optional<Received> last(String path) {
        synchronized (received) {
            for (int i = received.size() - 1; i >= 0; i--) {
                if (received.get(i).path().equals(path)) {
                    return Optional.of(received.get(i));
                }
            }
        }
        return Optional.empty();
    }

    long count(String path) {
        synchronized (received) {
            return received.stream().filter(request -> request.path().equals(path)).count();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        if (path.equals(EXCHANGE_PATH)) {
            exchangeApiToken(exchange, new String(body, StandardCharsets.UTF_8));
            return;
        }
        received.add(new Received(exchange.getRequestMethod(), path, lowerCase(exchange.getRequestHeaders()),
                body.length));
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/plain");
        headers.set("Server", "FakeServices/1.0");
        headers.set("X-Powered-By", "tests");
        headers.set("X-Frame-Options", "SAMEORIGIN");
        headers.set("Access-Control-Allow-Origin", "*");
        respond(exchange, 200, "service " + path);
    }

    private void exchangeApiToken(HttpExchange exchange, String request) throws IOException {
        exchanges.incrementAndGet();
        Matcher token = TOKEN.matcher(request);
        String accessToken = token.find() ? apiTokens.get(token.group(1)) : null;
        if (accessToken == null) {
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            respond(exchange, 401, "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"unknown API token\"}");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        respond(exchange, 200, "{\"accessToken\":\"" + accessToken + "\",\"expiresIn\":300}");
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, List<String>> lowerCase(Headers headers) {
        Map<String, List<String>> copy = new TreeMap<>();
        headers.forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return copy;
    }
}
