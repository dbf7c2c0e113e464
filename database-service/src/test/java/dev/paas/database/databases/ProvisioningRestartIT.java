package dev.paas.database.databases;

import static dev.paas.database.databases.DockerCli.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.database.DatabaseServiceApplication;
import dev.paas.testing.NatsServerProcess;
import dev.paas.testing.TestDatabases;
import dev.paas.tokens.testing.TestTokens;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A service stopped while it provisions a database (the row PROVISIONING, the container created but not yet
 * ready) finishes the job when it starts again: the database becomes RUNNING on the same container and volume.
 */
class ProvisioningRestartIT {

    private static final JdbcTemplate JDBC = new JdbcTemplate(new DriverManagerDataSource(
            TestDatabases.url("paas_database_test"), "postgres", ""));

    private final UUID owner = UUID.randomUUID();
    private ConfigurableApplicationContext context;

    @AfterEach
    void cleanUp() {
        if (context != null) {
            context.close();
        }
        docker("ps", "-aq", "--filter", "label=paas.owner-id=" + owner).output().lines()
                .filter(line -> !line.isBlank()).forEach(container -> docker("unpause", container));
        DockerCli.removeEverythingOf(owner, "paas-user-" + owner.toString().replace("-", "").substring(0, 12));
    }

    @Test
    void aRestartedServiceFinishesProvisioning() {
        context = service();
        UUID id = context.getBean(Databases.class).create(new NewDatabase("postgresql", "interrupted", null, null),
                owner).id();
        String container = "paas-db-" + id;
        // Paused as soon as it runs, the engine cannot answer, so the service is caught mid-provisioning.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> docker("pause", container).ok());
        context.close();
        context = null;
        assertThat(state(id)).isEqualTo("PROVISIONING");
        assertThat(DockerCli.exists(container)).isTrue();
        assertThat(docker("unpause", container).ok()).isTrue();

        context = service();
        await().atMost(Duration.ofSeconds(60)).until(() -> "RUNNING".equals(state(id)));
        assertThat(DockerCli.running(container)).isTrue();
        assertThat(context.getBean(ManagedDatabases.class).spec(id).volume()).isEqualTo("paas-db-" + id);
    }

    private static String state(UUID id) {
        return JDBC.queryForObject("select state from databases where id = ?", String.class, id);
    }

    private static ConfigurableApplicationContext service() {
        return new SpringApplicationBuilder(DatabaseServiceApplication.class).properties(
                "server.port=0",
                "spring.datasource.url=" + TestDatabases.url("paas_database_test"),
                "spring.cloud.stream.jetstream.binder.url=" + NatsServerProcess.shared().url(),
                "paas.security.jwks-url=" + TestTokens.shared().jwksUrl()).run();
    }
}
