package dev.paas.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A JUnit extension for tests that start from an empty database on every test (replicas migrating a new
 * database): a {@link TestDatabases#fresh fresh database} made before each test and dropped after it (after the
 * test's own {@code @AfterEach}, so what it started is stopped first):
 *
 * <pre>{@code
 * @RegisterExtension
 * final FreshDatabase database = FreshDatabase.perTest("paas_billing_replicas_it");
 * }</pre>
 */
public final class FreshDatabase implements BeforeEachCallback, AfterEachCallback {

    private static final String USER = "postgres";

    private final String prefix;
    private TestDatabases.Fresh database;

    private FreshDatabase(String prefix) {
        this.prefix = prefix;
    }

    /** A database named {@code <prefix>_fresh_<random>} for each test; the prefix is a lower-case SQL identifier. */
    public static FreshDatabase perTest(String prefix) {
        return new FreshDatabase(prefix);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        database = TestDatabases.fresh(prefix);
    }

    public String name() {
        return database.name();
    }

    public String url() {
        return database.url();
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
    public void afterEach(ExtensionContext context) {
        database.close();
    }
}
