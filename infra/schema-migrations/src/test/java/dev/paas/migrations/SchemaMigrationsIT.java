package dev.paas.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.paas.testing.FreshDatabase;
import dev.paas.testing.SimultaneousStarts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Instances of an application migrating one fresh PostgreSQL database at the same moment. */
class SchemaMigrationsIT {

    private static final int INSTANCES = 4;
    private static final String WAIT_TWO_MINUTES = "--paas.migrations.lock-timeout=2m";
    /** What Boot's defaults give: Liquibase's tables in the current schema. */
    private static final long LOCK_KEY = MigrationLock.keyFor(null, "DATABASECHANGELOG");

    @RegisterExtension
    final FreshDatabase database = FreshDatabase.perTest("paas_migrations_it");

    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        started.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void instancesStartingTogetherRunTheChangelogExactlyOnce() throws Exception {
        started.addAll(SimultaneousStarts.of(INSTANCES, Duration.ofMinutes(2), () -> start(WAIT_TWO_MINUTES)));

        assertThat(started).hasSize(INSTANCES).allMatch(ConfigurableApplicationContext::isRunning);
        assertThat(database.jdbc().queryForList("select id from databasechangelog order by orderexecuted",
                String.class)).containsExactly("test-1-widgets", "test-2-widget-names");
        assertThat(database.jdbc().queryForObject(
                "select count(*) from pg_indexes where tablename = 'widget' and indexname = 'widget_name'",
                Integer.class)).isOne();
    }

    @Test
    void waitsForTheInstanceThatIsMigratingThenAppliesNothingTwice() throws Exception {
        start(WAIT_TWO_MINUTES).close();
        CompletableFuture<ConfigurableApplicationContext> second;
        try (Connection otherInstance = database.connect()) {
            lock(otherInstance);
            second = CompletableFuture.supplyAsync(() -> start(WAIT_TWO_MINUTES));

            await().atMost(Duration.ofSeconds(30)).until(this::waitingForAdvisoryLock, waiting -> waiting == 1);
            assertThat(second).isNotDone();
        }

        started.add(second.get(1, TimeUnit.MINUTES));
        assertThat(database.jdbc().queryForObject("select count(*) from databasechangelog", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void failsNamingTheDatabaseAndTheLockHolderQueryWhenTheWaitExceedsTheTimeoutOfTheEnvironment() throws Exception {
        try (Connection otherInstance = database.connect()) {
            lock(otherInstance);

            String message = lockTimeoutMessage(catchThrowable(() -> start("--PAAS_MIGRATIONS_LOCK_TIMEOUT=1s")));
            assertThat(message).startsWith(
                    "another instance has been migrating " + database.name() + " for more than PT1S");
            String holderQuery = message.substring(message.indexOf("select pid"), message.indexOf("; or raise"));
            assertThat(database.jdbc().queryForObject(holderQuery, Integer.class)).isEqualTo(pid(otherInstance));
        }
        assertThat(database.jdbc().queryForObject(
                "select count(*) from information_schema.tables where table_name = 'databasechangelog'",
                Integer.class)).isZero();
    }

    @Test
    void refusesALockTimeoutThatIsNotPositive() {
        assertThatThrownBy(() -> start("--paas.migrations.lock-timeout=0s"))
                .hasStackTraceContaining("paas.migrations.lock-timeout must be positive");
    }

    /** {@code lockTimeout}: the argument that sets it. */
    private ConfigurableApplicationContext start(String lockTimeout) {
        return new SpringApplicationBuilder(MigratingApplication.class).web(WebApplicationType.NONE).run(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                // One connection: the lock and the migration share it, so the smallest pool cannot deadlock.
                "--spring.datasource.hikari.maximum-pool-size=1",
                "--spring.liquibase.change-log=classpath:db/changelog/test-changelog.yaml",
                lockTimeout,
                "--spring.main.banner-mode=off");
    }

    private static void lock(Connection connection) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_lock(?)")) {
            statement.setLong(1, LOCK_KEY);
            statement.execute();
        }
    }

    private static String lockTimeoutMessage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException && cause.getMessage().startsWith("another instance")) {
                return cause.getMessage();
            }
        }
        throw new AssertionError("start did not fail on the lock timeout", failure);
    }

    private static int pid(Connection connection) throws Exception {
        try (ResultSet result = connection.createStatement().executeQuery("select pg_backend_pid()")) {
            result.next();
            return result.getInt(1);
        }
    }

    private int waitingForAdvisoryLock() {
        return database.jdbc().queryForObject("""
                select count(*) from pg_locks
                where locktype = 'advisory' and not granted
                  and database = (select oid from pg_database where datname = ?)""", Integer.class, database.name());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class MigratingApplication {
    }
}
