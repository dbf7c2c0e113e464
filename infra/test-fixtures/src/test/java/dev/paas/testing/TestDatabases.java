package dev.paas.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Test databases on the local PostgreSQL server ({@code PAAS_TEST_DB_HOST}, 127.0.0.1:5432 by default, trust auth):
 * a service's fixed test database, created when missing, or a fresh one of a test's own, dropped when it is done.
 * The one place tests of every module create and drop databases.
 */
public final class TestDatabases {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final String FRESH_MARK = "_fresh_";
    /** Fresh databases this JVM made and still uses: a sweep for leftovers of earlier runs must not touch them. */
    private static final Set<String> MINE = ConcurrentHashMap.newKeySet();

    private TestDatabases() {
    }

    /** The JDBC URL of database {@code name}, created first when missing; its data stays from run to run. */
    public static String url(String name) {
        checkName(name);
        try (Connection admin = admin();
                var exists = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                admin.createStatement().execute("create database " + name);
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // created meanwhile by a test JVM of another module
                throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
            }
        }
        return urlOf(name);
    }

    /**
     * An empty database of the caller's own, named {@code prefix_fresh_<random>}; {@link Fresh#close()} drops it.
     * Leftovers of earlier runs with the same prefix (a JVM that was killed) are dropped first when nobody uses them.
     */
    public static Fresh fresh(String prefix) {
        checkName(prefix);
        String name = prefix + FRESH_MARK + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = admin()) {
            dropLeftovers(admin, prefix);
            admin.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        MINE.add(name);
        return new Fresh(name, urlOf(name));
    }

    /** A database made by {@link #fresh}: its name, its JDBC URL, and its drop. */
    public record Fresh(String name, String url) implements AutoCloseable {

        public Fresh {
            if (!name.contains(FRESH_MARK)) {
                throw new IllegalArgumentException("only fresh test databases are dropped, not '" + name + "'");
            }
        }

        /** Drops the database, closing connections that are still open. */
        @Override
        public void close() {
            try (Connection admin = admin()) {
                admin.createStatement().execute("drop database if exists " + name + " with (force)");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop test database " + name + ": " + e.getMessage(), e);
            } finally {
                MINE.remove(name);
            }
        }
    }

    private static void dropLeftovers(Connection admin, String prefix) throws SQLException {
        List<String> leftovers = new ArrayList<>();
        try (var names = admin.prepareStatement("select datname from pg_database where starts_with(datname, ?)")) {
            names.setString(1, prefix + FRESH_MARK);
            var rows = names.executeQuery();
            while (rows.next()) {
                leftovers.add(rows.getString(1));
            }
        }
        for (String leftover : leftovers) {
            if (!MINE.contains(leftover)) {
                try {
                    // Without "force": a database someone is connected to is in use, not left over.
                    admin.createStatement().execute("drop database if exists " + leftover);
                } catch (SQLException inUse) {
                    // Another test JVM still works in it.
                }
            }
        }
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "test database names are lower-case letters, digits and underscores: '" + name + "'");
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(urlOf("postgres"), "postgres", "");
    }

    private static String urlOf(String name) {
        return "jdbc:postgresql://" + System.getenv().getOrDefault("PAAS_TEST_DB_HOST", "127.0.0.1:5432") + "/" + name;
    }
}
