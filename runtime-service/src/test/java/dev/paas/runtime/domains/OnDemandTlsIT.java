package dev.paas.runtime.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.paas.runtime.testing.RuntimeIntegrationSupport;
import dev.paas.runtime.testing.TestCaddy;
import dev.paas.runtime.testing.TestHttp;
import dev.paas.tokens.testing.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The production ingress config ({@code infra/caddy/caddy-tls.json}) run by a real Caddy that asks this
 * runtime-service before it issues a certificate: a registered custom domain gets one at its first handshake, a
 * name nobody registered does not, and plain HTTP is redirected to HTTPS. Only the ports, the admin address, the
 * ask URL's port and the issuer (Caddy's internal CA instead of Let's Encrypt) differ from production.
 */
class OnDemandTlsIT extends RuntimeIntegrationSupport {

    private static final Path TLS_CONFIG = Path.of("..", "infra", "caddy", "caddy-tls.json").toAbsolutePath()
            .normalize();

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final UUID owner = UUID.randomUUID();
    private final UUID projectId = UUID.randomUUID();
    private final String suffix = projectId.toString().substring(0, 8) + ".example.com";
    private Path home;
    private Process caddy;
    private int httpsPort;
    private int httpPort;

    @BeforeEach
    void productionCaddyAskingThisService() throws Exception {
        jdbc.update("""
                insert into releases (deployment_id, project_id, owner_id, slug, image_tag, port, status, error,
                                      attempts, created_at, updated_at, version)
                values (?, ?, ?, ?, 'paas-test/none:1', 3000, 'FAILED', 'image not found', 0, now(), now(), 1)""",
                UUID.randomUUID(), projectId, owner, "tls-" + projectId.toString().substring(0, 8));
        int adminPort = TestCaddy.freePort();
        httpsPort = TestCaddy.freePort();
        httpPort = TestCaddy.freePort();
        home = Files.createTempDirectory("runtime-it-caddy-tls");
        Path config = home.resolve("caddy.json");
        Files.writeString(config, testVariant(adminPort));
        ProcessBuilder builder = new ProcessBuilder("caddy", "run", "--config", config.toString())
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("caddy.log").toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        builder.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        caddy = builder.start();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> TestHttp.get(httpPort, "any.example.org", "/").status() == 308);
    }

    @AfterEach
    void stopCaddy() throws Exception {
        caddy.destroy();
        caddy.waitFor();
        try (var files = Files.walk(home)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Test
    void issuesCertificatesOnlyForRegisteredDomains() throws Exception {
        String domain = "secure." + suffix;
        assertThat(addDomain(domain)).isEqualTo(201);

        assertThat(httpsGet(domain)).startsWith("HTTP/1.1 404").contains("No app is deployed at " + domain);
        assertThatThrownBy(() -> httpsGet("unregistered." + suffix)).isInstanceOf(SSLException.class);
    }

    @Test
    void redirectsPlainHttpToHttpsKeepingHostPathAndQuery() throws Exception {
        String response = plainGet("shop." + suffix, "/cart?item=1");

        assertThat(response).startsWith("HTTP/1.1 308")
                .containsIgnoringCase("\r\nLocation: https://shop." + suffix + "/cart?item=1\r\n");
    }

    /** The production config with test ports, the test's ask URL and Caddy's internal CA as the only issuer. */
    private String testVariant(int adminPort) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode config = (ObjectNode) json.readTree(TLS_CONFIG.toFile());
        ((ObjectNode) config.path("admin")).put("listen", "127.0.0.1:" + adminPort);
        config.remove("logging");
        ObjectNode http = (ObjectNode) config.path("apps").path("http");
        http.put("http_port", httpPort).put("https_port", httpsPort);
        ObjectNode servers = (ObjectNode) http.path("servers");
        servers.set("paas", ((ObjectNode) servers.path("paas")).set("listen",
                json.createArrayNode().add("127.0.0.1:" + httpsPort)));
        ((ObjectNode) servers.path("paas")).remove("logs");
        ((ObjectNode) servers.path("http-to-https")).set("listen",
                json.createArrayNode().add("127.0.0.1:" + httpPort));
        ObjectNode automation = (ObjectNode) config.path("apps").path("tls").path("automation");
        String ask = automation.path("on_demand").path("ask").asString();
        assertThat(ask).isEqualTo("http://127.0.0.1:8084/internal/tls/ask");
        ((ObjectNode) automation.path("on_demand")).put("ask", ask.replace(":8084", ":" + port));
        ArrayNode issuers = json.createArrayNode();
        issuers.addObject().put("module", "internal");
        ((ObjectNode) automation.path("policies").get(0)).set("issuers", issuers);
        return json.writeValueAsString(config);
    }

    private int addDomain(String domain) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/projects/"
                        + projectId + "/domains"))
                .header("Authorization", TestTokens.bearer(TestTokens.shared().user(owner)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"domain\":\"" + domain + "\"}")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** A GET over TLS to the test Caddy with {@code host} as SNI and Host header; trusts any certificate. */
    private String httpsGet(String host) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new TrustingAnyCertificate()}, null);
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                httpsPort)) {
            socket.setSoTimeout(15_000);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(host)));
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String plainGet(String host, String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), httpPort)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static final class TrustingAnyCertificate implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
