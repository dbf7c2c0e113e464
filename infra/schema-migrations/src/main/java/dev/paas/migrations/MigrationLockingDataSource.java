package dev.paas.migrations;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The data source a service's {@code SpringLiquibase} migrates through once this module is on the class path: each
 * connection it hands out holds the {@link MigrationLock} until it is closed. Liquibase takes one connection per
 * update and closes it when done, so exactly one instance migrates at a time.
 */
public final class MigrationLockingDataSource extends DelegatingDataSource {

    private final MigrationLock lock;

    MigrationLockingDataSource(DataSource target, MigrationLock lock) {
        super(target);
        this.lock = lock;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return holdingTheLock(DataSource::getConnection);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return holdingTheLock(target -> target.getConnection(username, password));
    }

    /**
     * Closes the target data source when it can be closed. Boot's {@code DataSourceClosingSpringLiquibase} (used
     * when {@code spring.liquibase.url} gives Liquibase a data source of its own) finds this method by reflection.
     */
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private Connection holdingTheLock(ConnectionSource source) throws SQLException {
        Connection target = source.open(obtainTargetDataSource());
        try {
            lock.acquire(target);
        } catch (SQLException | RuntimeException e) {
            try {
                target.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return releasingOnClose(target);
    }

    private Connection releasingOnClose(Connection target) {
        boolean[] closed = {false};
        return (Connection) Proxy.newProxyInstance(MigrationLockingDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        if (!closed[0]) {
                            closed[0] = true;
                            // Unlock before closing: a pooled connection goes back with its session, and the lock.
                            try (target) {
                                if (!target.getAutoCommit()) {
                                    target.rollback();
                                }
                                lock.release(target);
                            }
                        }
                        return null;
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private interface ConnectionSource {
        Connection open(DataSource target) throws SQLException;
    }
}
