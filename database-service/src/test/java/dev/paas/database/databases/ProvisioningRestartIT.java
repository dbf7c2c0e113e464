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
 *
 * <p>The service runs on a database of this test's own: on the shared test database, the provisioner of another test
 * class's cached context would take over the row as soon as the stopped service released it (as another replica
 * would in production), and this test is about the same service coming back.
 */
class ProvisioningRestartIT {

    private final TestDatabases.Fresh database = TestDatabases.fresh("paas_database_restart");
    private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database.url(), "postgres", ""));
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
        database.close();
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
        var unpaused = docker("unpause", container);
        assertThat(unpaused.ok()).as("docker unpause: %s", unpaused.output()).isTrue();

        context = service();
        await().atMost(Duration.ofSeconds(60)).until(() -> "RUNNING".equals(state(id)));
        assertThat(DockerCli.running(container)).isTrue();
        assertThat(context.getBean(ManagedDatabases.class).spec(id).volume()).isEqualTo("paas-db-" + id);
    }

    private String state(UUID id) {
        return jdbc.queryForObject("select state from databases where id = ?", String.class, id);
    }

    private ConfigurableApplicationContext service() {
        // Arguments, not default properties: they must win over application.yaml's database.
        return new SpringApplicationBuilder(DatabaseServiceApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.cloud.stream.jetstream.binder.url=" + NatsServerProcess.shared().url(),
                "--paas.security.jwks-url=" + TestTokens.shared().jwksUrl());
    }
}
