package dev.paas.migrations.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * For tests that must start from an empty database (shipped in this module's test-jar): a database under a unique
 * name on the local PostgreSQL server ({@code PAAS_TEST_DB_HOST}, 127.0.0.1:5432 by default), dropped on close.
 */
public final class FreshDatabase implements AutoCloseable {

    private static final String HOST = System.getenv().getOrDefault("PAAS_TEST_DB_HOST", "127.0.0.1:5432");
    private static final String USER = "postgres";

    private final String name;

    private FreshDatabase(String name) {
        this.name = name;
    }

    /** Creates {@code <prefix>_<random>}; the prefix is a lower-case SQL identifier. */
    public static FreshDatabase create(String prefix) throws SQLException {
        FreshDatabase database = new FreshDatabase(prefix + "_" + UUID.randomUUID().toString().replace("-", ""));
        try (Connection server = database.server()) {
            server.createStatement().execute("create database " + database.name);
        }
        return database;
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
    public void close() throws SQLException {
        try (Connection server = server()) {
            server.createStatement().execute("drop database if exists " + name + " with (force)");
        }
    }

    private Connection server() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, "");
    }
}
