package dev.paas.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The test databases on the local PostgreSQL server. */
class DatabaseFixtureIT {

    @Test
    void createsAMissingDatabaseOnceAndKeepsItsData() throws Exception {
        String url = TestDatabases.url("paas_fixtures_test");
        try (var connection = DriverManager.getConnection(url, "postgres", "")) {
            connection.createStatement().execute("create table if not exists kept (id int)");
        }

        assertThat(TestDatabases.url("paas_fixtures_test")).isEqualTo(url);
        try (var connection = DriverManager.getConnection(url, "postgres", "")) {
            assertThat(connection.createStatement().executeQuery("select to_regclass('kept') is not null").next())
                    .isTrue();
        }
    }

    @Test
    void givesEachCallerAnEmptyDatabaseOfItsOwnAndDropsIt() throws Exception {
        TestDatabases.Fresh first = TestDatabases.fresh("paas_fixtures_test");
        TestDatabases.Fresh second = TestDatabases.fresh("paas_fixtures_test");
        try (var connection = DriverManager.getConnection(first.url(), "postgres", "")) {
            connection.createStatement().execute("create table taken (id int)");
        }

        assertThat(first.name()).startsWith("paas_fixtures_test_fresh_").isNotEqualTo(second.name());
        try (var connection = DriverManager.getConnection(second.url(), "postgres", "")) {
            var rows = connection.createStatement().executeQuery(
                    "select count(*) from information_schema.tables where table_schema = 'public'");
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
        first.close();
        second.close();
        assertThatThrownBy(() -> DriverManager.getConnection(first.url(), "postgres", "").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("does not exist");
    }

    @Test
    void refusesNamesThatAreNotPlainIdentifiers() {
        assertThatThrownBy(() -> TestDatabases.url("paas; drop database postgres"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-case letters");
        assertThatThrownBy(() -> TestDatabases.fresh("Paas"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Paas'");
        assertThatThrownBy(() -> new TestDatabases.Fresh("postgres", "jdbc:postgresql://127.0.0.1:5432/postgres"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only fresh test databases");
    }
}
