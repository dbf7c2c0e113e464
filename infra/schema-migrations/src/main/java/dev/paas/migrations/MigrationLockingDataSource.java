package dev.paas.migrations;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The data source a service's {@code SpringLiquibase} migrates through once this module is on the class path: each
 * connection it hands out is preceded by taking the {@link MigrationLock} and releases it when closed. Liquibase
 * takes one connection per update and closes it when done, so exactly one instance migrates at a time.
 */
public final class MigrationLockingDataSource extends DelegatingDataSource {

    private final MigrationLock lock;

    MigrationLockingDataSource(DataSource target, MigrationLock lock) {
        super(target);
        this.lock = lock;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return afterLocking(DataSource::getConnection);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return afterLocking(target -> target.getConnection(username, password));
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

    private Connection afterLocking(ConnectionSource source) throws SQLException {
        MigrationLock.Held held = lock.acquire(obtainTargetDataSource());
        try {
            return releasingOnClose(source.open(obtainTargetDataSource()), held);
        } catch (SQLException | RuntimeException e) {
            held.release();
            throw e;
        }
    }

    private static Connection releasingOnClose(Connection target, MigrationLock.Held held) {
        boolean[] closed = {false};
        return (Connection) Proxy.newProxyInstance(MigrationLockingDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        if (!closed[0]) {
                            closed[0] = true;
                            try {
                                target.close();
                            } finally {
                                held.release();
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
