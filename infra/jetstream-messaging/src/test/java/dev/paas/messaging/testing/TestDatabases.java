package dev.paas.messaging.testing;

import java.sql.DriverManager;
import java.sql.SQLException;

/** Creates a service's test database on the local PostgreSQL server when it is missing. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** The JDBC URL of database {@code name}, created first when missing. */
    public static String url(String name) {
        try {
            return createIfMissing(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
    }

    public static String createIfMissing(String name) throws SQLException {
        String host = System.getenv().getOrDefault("PAAS_TEST_DB_HOST", "127.0.0.1:5432");
        try (var connection = DriverManager.getConnection("jdbc:postgresql://" + host + "/postgres", "postgres", "");
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                connection.createStatement().execute("create database " + name);
            }
        }
        return "jdbc:postgresql://" + host + "/" + name;
    }
}
