package dev.paas.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.messaging.testing.EventBus;
import dev.paas.testing.FreshDatabase;
import dev.paas.testing.SimultaneousStarts;
import dev.paas.tokens.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two replicas of billing-service started at the same moment against a fresh database, as
 * {@code docker-compose up --scale} does on a first start: one migrates, the other waits, both come up.
 */
class ReplicaStartIT {

    private static final int REPLICAS = 2;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

    @RegisterExtension
    final FreshDatabase database = FreshDatabase.perTest("paas_billing_replicas_it");

    @AfterEach
    void stopReplicas() {
        replicas.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void twoReplicasStartingTogetherOnAFreshDatabaseBothBecomeReadyAndMigrateOnce() throws Exception {
        EventBus bus = EventBus.shared();
        replicas.addAll(SimultaneousStarts.of(REPLICAS, Duration.ofMinutes(3), () -> start(bus)));

        for (ConfigurableApplicationContext replica : replicas) {
            assertThat(replica.isRunning()).isTrue();
            HttpResponse<String> readiness = get(replica, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"status\":\"UP\"");
        }
        assertThat(database.jdbc().queryForList("select id from databasechangelog", String.class))
                .contains("billing-1-container-usage", "billing-2-usage-owners")
                .doesNotHaveDuplicates();
        assertThat(database.jdbc().queryForObject(
                "select count(*) from information_schema.tables where table_name = 'container_usage'",
                Integer.class)).isOne();
    }

    /** Arguments, as a replica's environment would be: they win over application.yaml, default properties do not. */
    private ConfigurableApplicationContext start(EventBus bus) {
        return new SpringApplicationBuilder(BillingServiceApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                // Small pools: the test server's connections are shared with every other test on the machine.
                "--spring.datasource.hikari.maximum-pool-size=3",
                "--spring.cloud.stream.jetstream.binder.url=" + bus.url(),
                "--paas.security.jwks-url=" + TestTokens.shared().jwksUrl(),
                "--spring.main.banner-mode=off");
    }

    private HttpResponse<String> get(ConfigurableApplicationContext replica, String path) throws Exception {
        String port = replica.getEnvironment().getProperty("local.server.port");
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
