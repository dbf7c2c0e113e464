package dev.paas.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.messaging.testing.EventBus;
import io.nats.client.JetStreamManagement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * identity-service starts against an empty database and the JetStream server: Liquibase creates every table of
 * its changelogs, the durable consumer of its project-events binding exists, and its probes and API document answer.
 */
class IdentityServiceIT extends IdentityIntegrationTest {

    /** The tables of {@code messaging.yaml}, {@code accounts.yaml} and {@code github.yaml}. */
    private static final List<String> TABLES = List.of("outbox_event", "processed_event", "accounts",
            "signing_keys", "refresh_tokens", "api_tokens", "login_email_failures", "login_address_failures",
            "login_address_locks", "audit_log", "github_links", "github_oauth_states", "github_login_codes",
            "github_webhooks");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void createsEveryTableOfItsChangelogs() {
        List<String> tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'", String.class);

        assertThat(tables).containsAll(TABLES);
        assertThat(jdbc.queryForList("select distinct substring(filename from '[^/]+$') from databasechangelog "
                + "where exectype = 'EXECUTED'", String.class))
                .containsExactlyInAnyOrder("messaging.yaml", "accounts.yaml", "github.yaml");
        assertThat(jdbc.queryForObject("select locked from databasechangeloglock", Boolean.class)).isFalse();
    }

    @Test
    void declaresTheDurableConsumerOfItsProjectEventsBinding() throws Exception {
        JetStreamManagement streams = EventBus.shared().client().jetStreamManagement();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(streams.getConsumerNames("PAAS_PROJECT"))
                .contains("identity-service-projects"));
    }

    @Test
    void answersItsProbesAndServesItsApiDocument() {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            Api.Response health = api().get(probe);
            assertThat(health.status()).as(probe).isEqualTo(200);
            assertThat(health.text("status")).as(probe).isEqualTo("UP");
        }
        Api.Response document = api().get("/v3/api-docs");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().get("paths").propertyNames()).contains("/api/v1/auth/register",
                "/api/v1/auth/login");
    }

    @Test
    void servesItsPrometheusMetricsWithoutAToken() {
        Api.Response metrics = api().get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "paas_outbox_pending",
                "paas_messaging_consumer_pending");
    }
}
