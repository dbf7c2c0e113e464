package dev.paas.migrations.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * For tests that must start from an empty database (shipped in this module's test-jar): a database under a unique
 * name on the local PostgreSQL server ({@code PAAS_TEST_DB_HOST}, 127.0.0.1:5432 by default), created before each
 * test and dropped after it (after the test's own {@code @AfterEach}, so what it started is stopped first):
 *
 * <pre>{@code
 * @RegisterExtension
 * final FreshDatabase database = FreshDatabase.perTest("paas_billing_replicas_it");
 * }</pre>
 */
public final class FreshDatabase implements BeforeEachCallback, AfterEachCallback {

    private static final String HOST = System.getenv().getOrDefault("PAAS_TEST_DB_HOST", "127.0.0.1:5432");
    private static final String USER = "postgres";

    private final String prefix;
    private String name;

    private FreshDatabase(String prefix) {
        this.prefix = prefix;
    }

    /** A database named {@code <prefix>_<random>} for each test; the prefix is a lower-case SQL identifier. */
    public static FreshDatabase perTest(String prefix) {
        return new FreshDatabase(prefix);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        name = prefix + "_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection server = server()) {
            server.createStatement().execute("create database " + name);
        }
    }

    public String name() {
        return name;
    }

    public String url() {
        return "jdbc:postgresql://" + HOST + "/" + name;
    }

    public String username() {
        return USER;
    }

    /** A new connection to this database; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, "");
    }

    /** Queries on this database, one connection per call. */
    public JdbcTemplate jdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(url(), USER, ""));
    }

    /** Drops the database, ending whatever sessions a failed test left on it. */
    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        try (Connection server = server()) {
            server.createStatement().execute("drop database if exists " + name + " with (force)");
        }
    }

    private Connection server() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, "");
    }
}
