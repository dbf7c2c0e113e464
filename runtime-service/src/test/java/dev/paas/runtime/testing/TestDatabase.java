package dev.paas.runtime.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The service's test database on the local PostgreSQL server: created when missing, emptied per test run. */
public final class TestDatabase {

    public static final String NAME = "paas_runtime_test";

    private TestDatabase() {
    }

    /** Creates the database if needed and empties the service's tables from an earlier run; returns its URL. */
    public static String prepare() {
        String host = System.getenv().getOrDefault("PAAS_TEST_DB_HOST", "127.0.0.1:5432");
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + host + "/postgres", "postgres", "");
                var exists = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, NAME);
            if (!exists.executeQuery().next()) {
                admin.createStatement().execute("create database " + NAME);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + NAME, e);
        }
        String url = "jdbc:postgresql://" + host + "/" + NAME;
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    do $$ begin
                      if to_regclass('releases') is not null then truncate releases; end if;
                      if to_regclass('outbox_event') is not null then truncate outbox_event; end if;
                      if to_regclass('processed_event') is not null then truncate processed_event; end if;
                    end $$""");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty test database " + NAME, e);
        }
        return url;
    }
}
