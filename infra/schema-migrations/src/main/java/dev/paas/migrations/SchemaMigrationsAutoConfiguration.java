package dev.paas.migrations;

import liquibase.integration.spring.SpringLiquibase;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.env.Environment;

/**
 * Makes a service's Liquibase migrations safe for replicas that start at the same moment: one migrates while the
 * others wait on a PostgreSQL advisory lock, then find nothing to do. Liquibase's own DATABASECHANGELOGLOCK cannot
 * do this, since the race is in creating that table. Services only add this module; Boot still builds the
 * {@code SpringLiquibase} bean from {@code spring.liquibase.*}, and {@code paas.migrations.lock-timeout} (by default
 * {@code PAAS_MIGRATIONS_LOCK_TIMEOUT}, else 2 minutes) bounds the wait.
 */
@AutoConfiguration
@ConditionalOnClass(SpringLiquibase.class)
@PropertySource("classpath:dev/paas/migrations/schema-migrations-defaults.properties")
public class SchemaMigrationsAutoConfiguration {

    // Static and bound by hand: a bean post-processor is created before configuration properties beans exist.
    @Bean
    static SerializedMigrations serializedMigrations(Environment environment) {
        SchemaMigrationProperties properties = Binder.get(environment)
                .bindOrCreate("paas.migrations", SchemaMigrationProperties.class);
        return new SerializedMigrations(properties.lockTimeout());
    }
}
