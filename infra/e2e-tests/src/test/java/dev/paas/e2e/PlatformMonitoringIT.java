package dev.paas.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The platform's own monitoring: a real Prometheus (Debian's binary; {@code ./paas test} installs it) scrapes the
 * running platform every second with the recording and alerting rules of {@code infra/monitoring/rules}, and its HTTP
 * API on loopback shows every service's target up and the key series present. The gateway's metrics need the admin
 * role, so Prometheus sends the administrator's access token from its credentials file, as
 * {@code ./paas up --with-monitoring} does.
 */
class PlatformMonitoringIT {

    /** Every service's port, as {@code ./paas} starts them. */
    private static final Map<String, Integer> SERVICES = servicePorts();

    @TempDir
    static Path work;

    private static Process prometheus;
    private static String prometheusUrl;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startPrometheus() throws Exception {
        Optional<Path> binary = prometheusBinary();
        Assumptions.assumeTrue(binary.isPresent(),
                "prometheus is not installed (apt-get install prometheus; ./paas test installs it)");
        Path config = work.resolve("prometheus.yml");
        // JSON is YAML: Prometheus reads the config Jackson writes.
        Files.writeString(config, Platform.JSON.writeValueAsString(config()));
        int port = freePort();
        prometheusUrl = "http://127.0.0.1:" + port;
        prometheus = new ProcessBuilder(binary.get().toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + work.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("prometheus.log").toFile())
                .start();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> prometheus.isAlive() && status("/-/ready") == 200);
    }

    @AfterAll
    static void stopPrometheus() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            await().atMost(Duration.ofSeconds(20)).until(() -> !prometheus.isAlive());
        }
    }

    @Test
    void scrapesEveryServiceOfThePlatform() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, String> health = new TreeMap<>();
            for (JsonNode target : api("/api/v1/targets?state=active").get("activeTargets")) {
                String error = target.get("lastError").asString();
                health.put(target.get("labels").get("service").asString(),
                        target.get("health").asString() + (error.isEmpty() ? "" : " (" + error + ")"));
            }
            Map<String, String> allUp = new TreeMap<>();
            SERVICES.keySet().forEach(service -> allUp.put(service, "up"));
            assertThat(health).isEqualTo(allUp);
        });
    }

    @Test
    void hasTheKeySeriesOfEveryService() throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(servicesWith("jvm_memory_used_bytes")).containsAll(SERVICES.keySet());
            assertThat(servicesWith("http_server_requests_seconds_count")).contains("gateway", "identity-service");
            // Every service but the gateway keeps an outbox and reads events through the JetStream binder.
            Set<String> messaging = new TreeSet<>(SERVICES.keySet());
            messaging.remove("gateway");
            assertThat(servicesWith("paas_outbox_pending")).containsAll(messaging);
            assertThat(servicesWith("paas_outbox_oldest_pending_age_seconds")).containsAll(messaging);
            assertThat(servicesWith("paas_messaging_consumer_pending")).contains("metrics-service", "build-service");
            assertThat(servicesWith("paas_messaging_dead_letter_stream_messages")).contains("metrics-service");
        });
        Set<String> streams = new TreeSet<>();
        for (JsonNode series : query("paas_messaging_consumer_pending{service=\"metrics-service\"}")) {
            streams.add(series.get("metric").get("stream").asString());
            assertThat(series.get("metric").get("consumer").asString()).startsWith("metrics-service");
        }
        assertThat(streams).contains("PAAS_PROJECT", "PAAS_BUILD");
    }

    @Test
    void evaluatesThePlatformRulesWithoutErrors() throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, String> health = new LinkedHashMap<>();
            for (JsonNode group : api("/api/v1/rules").get("groups")) {
                for (JsonNode rule : group.get("rules")) {
                    String name = rule.has("record") ? rule.get("record").asString() : rule.get("name").asString();
                    String error = rule.has("lastError") ? rule.get("lastError").asString() : "";
                    health.put(name, rule.get("health").asString() + (error.isEmpty() ? "" : " (" + error + ")"));
                }
            }
            assertThat(health).containsKeys("PaasServiceDown", "PaasOutboxBacklogOld", "PaasConsumerLagHigh",
                    "PaasDeadLettersIncreasing", "PaasHttp5xxRateHigh", "PaasJvmHeapHigh",
                    "stream_consumer:paas_messaging_consumer_pending:max");
            assertThat(health.values()).allMatch("ok"::equals, "every rule evaluated fine: " + health);
        });
        assertThat(query("instance:jvm_memory_heap:ratio")).isNotEmpty();
    }

    private static Map<String, Object> config() {
        Map<String, Object> global = Map.of("scrape_interval", "1s", "scrape_timeout", "1s",
                "evaluation_interval", "1s");
        List<Map<String, Object>> services = new ArrayList<>();
        SERVICES.forEach((service, port) -> services.add(Map.of("targets", List.of("127.0.0.1:" + port),
                "labels", Map.of("service", service))));
        Map<String, Object> servicesJob = Map.of("job_name", "paas-services", "metrics_path", "/actuator/prometheus",
                "static_configs", services);
        Path rules = monitoringDirectory().resolve("rules");
        return Map.of("global", global,
                "rule_files", List.of(rules.resolve("recording.yml").toString(), rules.resolve("alerts.yml").toString()),
                "scrape_configs", List.of(servicesJob));
    }

    private static Set<String> servicesWith(String metric) throws Exception {
        Set<String> services = new TreeSet<>();
        for (JsonNode series : query("count by (service) (" + metric + ")")) {
            services.add(series.get("metric").get("service").asString());
        }
        return services;
    }

    private static JsonNode query(String promql) throws Exception {
        return api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).get("result");
    }

    private static JsonNode api(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(prometheusUrl + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        JsonNode body = Platform.JSON.readTree(response.body());
        assertThat(body.get("status").asString()).isEqualTo("success");
        return body.get("data");
    }

    private static int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(prometheusUrl + path)).timeout(Duration.ofSeconds(2))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static Optional<Path> prometheusBinary() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin");
        return Stream.concat(Stream.of("/usr/bin"), Stream.of(path.split(":")))
                .map(directory -> Path.of(directory, "prometheus"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** infra/monitoring, next to this module (failsafe runs in the module's directory). */
    private static Path monitoringDirectory() {
        return Path.of(System.getProperty("paas.monitoring", "../monitoring")).toAbsolutePath().normalize();
    }

    private static Map<String, Integer> servicePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("identity-service", 8081);
        ports.put("project-service", 8082);
        ports.put("build-service", 8083);
        ports.put("runtime-service", 8084);
        ports.put("database-service", 8085);
        ports.put("metrics-service", 8086);
        ports.put("billing-service", 8087);
        ports.put("gateway", URI.create(System.getProperty("paas.gateway", "http://127.0.0.1:8080")).getPort());
        return ports;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
