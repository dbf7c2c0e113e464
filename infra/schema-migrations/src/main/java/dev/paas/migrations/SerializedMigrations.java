package dev.paas.migrations;

import java.time.Duration;
import java.util.Objects;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Points every {@code SpringLiquibase} bean, however Boot configured it from {@code spring.liquibase.*}, at a
 * {@link MigrationLockingDataSource} before it migrates (its {@code afterPropertiesSet}).
 */
final class SerializedMigrations implements BeanPostProcessor {

    private static final String DEFAULT_CHANGELOG_TABLE = "DATABASECHANGELOG";

    private final Duration lockTimeout;

    SerializedMigrations(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof SpringLiquibase liquibase && liquibase.getDataSource() != null
                && !(liquibase.getDataSource() instanceof MigrationLockingDataSource)) {
            // Liquibase keeps its tables in its own schema when one is set, else in the default schema.
            String schema = liquibase.getLiquibaseSchema() != null ? liquibase.getLiquibaseSchema()
                    : liquibase.getDefaultSchema();
            String table = Objects.requireNonNullElse(liquibase.getDatabaseChangeLogTable(), DEFAULT_CHANGELOG_TABLE);
            MigrationLock lock = new MigrationLock(MigrationLock.keyFor(schema, table), lockTimeout);
            liquibase.setDataSource(new MigrationLockingDataSource(liquibase.getDataSource(), lock));
        }
        return bean;
    }
}
