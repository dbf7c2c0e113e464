package dev.paas.runtime.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production ingress configuration ({@code PAAS_TLS=on}): HTTPS on :443 with certificates issued on demand after
 * runtime-service's permission check, :80 redirecting to HTTPS, and the same routes as the local configuration, so
 * app routes are placed the same way. {@code caddy validate} checks it when Caddy is installed.
 */
class CaddyTlsConfigTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path TLS_CONFIG = ROOT.resolve("infra/caddy/caddy-tls.json");
    private static final Path LOCAL_CONFIG = ROOT.resolve("infra/caddy/caddy.json");

    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path work;

    @Test
    void servesHttpsOnlyWithCertificatesRuntimeServiceAllows() throws IOException {
        JsonNode config = json.readTree(TLS_CONFIG.toFile());
        JsonNode http = config.path("apps").path("http");
        JsonNode paas = http.path("servers").path("paas");

        assertThat(paas.path("listen").toString()).isEqualTo("[\":443\"]");
        assertThat(paas.has("automatic_https")).as("automatic HTTPS stays on").isFalse();
        JsonNode automation = config.path("apps").path("tls").path("automation");
        assertThat(automation.path("on_demand").path("ask").asString())
                .isEqualTo("http://127.0.0.1:8084/internal/tls/ask");
        assertThat(automation.path("policies")).hasSize(1);
        assertThat(automation.path("policies").get(0).path("on_demand").asBoolean()).isTrue();
        assertThat(automation.path("policies").get(0).has("subjects")).as("covers every host name").isFalse();
        assertThat(config.path("apps").path("pki").path("certificate_authorities").path("local")
                .path("install_trust").asBoolean(true)).as("leaves the machine's trust store alone").isFalse();
    }

    @Test
    void redirectsEveryPlainHttpRequestToHttps() throws IOException {
        JsonNode servers = json.readTree(TLS_CONFIG.toFile()).path("apps").path("http").path("servers");
        JsonNode redirect = servers.path("http-to-https");

        assertThat(redirect.path("listen").toString()).isEqualTo("[\":80\"]");
        JsonNode route = redirect.path("routes").get(0);
        assertThat(route.has("match")).as("a catch-all route").isFalse();
        JsonNode handler = route.path("handle").get(0);
        assertThat(handler.path("status_code").asInt()).isEqualTo(308);
        assertThat(handler.path("headers").path("Location").get(0).asString())
                .isEqualTo("https://{http.request.host}{http.request.uri}");
    }

    @Test
    void keepsTheLocalConfigurationsRoutesAdminApiAndLogs() throws IOException {
        JsonNode tls = json.readTree(TLS_CONFIG.toFile());
        JsonNode local = json.readTree(LOCAL_CONFIG.toFile());
        JsonNode tlsServer = tls.path("apps").path("http").path("servers").path("paas");
        JsonNode localServer = local.path("apps").path("http").path("servers").path("paas");

        assertThat(tlsServer.path("routes")).isEqualTo(localServer.path("routes"));
        assertThat(tlsServer.path("logs")).isEqualTo(localServer.path("logs"));
        assertThat(tls.path("admin")).isEqualTo(local.path("admin"));
        assertThat(tls.path("logging")).isEqualTo(local.path("logging"));
    }

    @Test
    void caddyAcceptsTheProductionConfiguration() throws Exception {
        assumeCaddyInstalled();

        assertThat(validate(TLS_CONFIG)).contains("Valid configuration");
    }

    @Test
    void thePaasScriptWritesTheProductionConfigurationForTheBaseDomainOnlyWhenAskedTo() throws Exception {
        assumeCaddyInstalled();

        Path written = Path.of(paas(Map.of("PAAS_TLS", "on", "PAAS_BASE_DOMAIN", "apps.example.org"),
                "ingress-config"));
        String local = paas(Map.of(), "ingress-config");

        assertThat(local).isEqualTo("infra/caddy/caddy.json");
        assertThat(written).isEqualTo(ROOT.resolve(".paas/caddy/caddy-tls.json"));
        JsonNode config = json.readTree(written.toFile());
        assertThat(config.path("apps").path("http").path("servers").path("paas").path("routes").get(0)
                .path("match").get(0).path("host").toString()).isEqualTo("[\"apps.example.org\"]");
        assertThat(Files.readString(written)).doesNotContain("paas.localhost");
        assertThat(validate(written)).contains("Valid configuration");
    }

    private String validate(Path config) throws Exception {
        Files.createDirectories(work.resolve(".paas/logs"));
        return run(List.of("caddy", "validate", "--config", config.toString()), work,
                Map.of("XDG_DATA_HOME", work.resolve("data").toString(),
                        "XDG_CONFIG_HOME", work.resolve("config").toString()));
    }

    private String paas(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("paas").toString()));
        command.addAll(List.of(arguments));
        return run(command, ROOT, environment).strip();
    }

    private static String run(List<String> command, Path directory, Map<String, String> environment)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("PAAS_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
        return output;
    }

    private static void assumeCaddyInstalled() {
        String path = System.getenv().getOrDefault("PATH", "");
        assumeTrue(Stream.of(path.split(File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, "caddy"))),
                "caddy is not on PATH");
    }
}
