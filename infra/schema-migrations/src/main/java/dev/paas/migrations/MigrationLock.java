package dev.paas.migrations;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL session-level advisory lock that serialises the schema migrations of one database: the instance
 * holding it migrates, the others wait for it and then find nothing left to do. The lock belongs to the session of
 * the connection Liquibase migrates on, so a crashed instance cannot leave it behind.
 */
final class MigrationLock {

    private static final Logger log = LoggerFactory.getLogger(MigrationLock.class);
    /** PostgreSQL's {@code lock_not_available}: {@code lock_timeout} expired. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final long key;
    private final Duration timeout;

    MigrationLock(long key, Duration timeout) {
        this.key = key;
        this.timeout = timeout;
    }

    /**
     * The key of the lock guarding Liquibase's changelog table {@code table} in {@code schema} ({@code null}: the
     * connection's current schema). Liquibase races on creating exactly these tables, so whatever shares them
     * shares the lock; advisory locks are scoped to their database already.
     */
    static long keyFor(String schema, String table) {
        String name = "schema-migrations:" + (schema == null ? "" : schema.toLowerCase(Locale.ROOT)) + "."
                + table.toLowerCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Takes the lock on {@code connection}'s session, waiting at most the timeout for another holder. Liquibase
     * migrates on this same connection, so a pool of one connection is enough.
     */
    void acquire(Connection connection) throws SQLException {
        if (!tryLock(connection)) {
            waitForLock(connection);
        }
    }

    /** Unlocks; a connection that is closed instead ends its session, and the lock with it. */
    void release(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            statement.setLong(1, key);
            statement.execute();
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private void waitForLock(Connection connection) throws SQLException {
        String database = connection.getCatalog();
        log.info("waiting for another instance to finish migrating {} (at most {})", database, timeout);
        boolean autoCommit = connection.getAutoCommit();
        // SET LOCAL keeps the timeout inside this transaction, off the statements Liquibase runs next on this
        // connection; the advisory lock is session-level and outlives the commit.
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local lock_timeout = " + Math.max(1, timeout.toMillis()));
            statement.execute("select pg_advisory_lock(" + key + ")");
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw new SQLException("another instance has been migrating " + database + " for more than "
                        + timeout + "; if none is running, find the session holding the lock with: select pid from "
                        + "pg_locks where locktype = 'advisory' and classid = " + (key >>> 32) + " and objid = "
                        + (key & 0xffffffffL) + " and granted; or raise paas.migrations.lock-timeout",
                        LOCK_NOT_AVAILABLE, e);
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        log.info("another instance finished migrating {}; applying what is left", database);
    }
}
