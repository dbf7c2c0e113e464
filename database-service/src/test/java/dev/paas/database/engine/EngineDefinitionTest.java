package dev.paas.database.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EngineDefinitionTest {

    private static final Credentials APP = new Credentials("app", "s3cretPassw0rd", "app");
    private static final Credentials REDIS = new Credentials("default", "s3cretPassw0rd", "0");

    @Test
    void urlsFollowTheSpec() {
        assertThat(EngineDefinition.of(DatabaseType.POSTGRESQL).url("db-0192f0c47a10", APP))
                .isEqualTo("postgresql://app:s3cretPassw0rd@db-0192f0c47a10:5432/app");
        assertThat(EngineDefinition.of(DatabaseType.MYSQL).url("db-0192f0c47a10", APP))
                .isEqualTo("mysql://app:s3cretPassw0rd@db-0192f0c47a10:3306/app");
        assertThat(EngineDefinition.of(DatabaseType.MONGODB).url("db-0192f0c47a10", APP))
                .isEqualTo("mongodb://app:s3cretPassw0rd@db-0192f0c47a10:27017/app?authSource=admin");
        assertThat(EngineDefinition.of(DatabaseType.REDIS).url("db-0192f0c47a10", REDIS))
                .isEqualTo("redis://default:s3cretPassw0rd@db-0192f0c47a10:6379/0");
    }

    @ParameterizedTest
    @EnumSource(DatabaseType.class)
    void passwordsStayOffCommandLines(DatabaseType type) {
        EngineDefinition engine = EngineDefinition.of(type);
        Credentials credentials = type == DatabaseType.REDIS ? REDIS : APP;
        assertThat(engine.command(credentials)).noneMatch(arg -> arg.contains(credentials.password()));
        assertThat(engine.scratchCommand(credentials)).noneMatch(arg -> arg.contains(credentials.password()));
        assertThat(engine.ready(credentials).argv()).noneMatch(arg -> arg.contains(credentials.password()));
        assertThat(engine.dump(credentials).argv()).noneMatch(arg -> arg.contains(credentials.password()));
        engine.refuseWrites(credentials, true).forEach(command -> assertThat(command.argv())
                .noneMatch(arg -> arg.contains(credentials.password())));
        engine.afterLoad(credentials).forEach(command -> assertThat(command.argv())
                .noneMatch(arg -> arg.contains(credentials.password())));
    }

    @Test
    void postgresLoadsItsCustomFormatWithPgRestoreAndPlainSqlWithPsql() {
        PostgresEngine engine = new PostgresEngine();
        byte[] custom = "PGDMP\u0001\u000e".getBytes(StandardCharsets.ISO_8859_1);
        byte[] plain = "--\n-- PostgreSQL database dump".getBytes(StandardCharsets.US_ASCII);
        assertThat(engine.load(APP, "/tmp/d", custom).tool()).isEqualTo("pg_restore");
        assertThat(String.join(" ", engine.load(APP, "/tmp/d", custom).argv())).contains("--exit-on-error")
                .contains("--no-owner");
        assertThat(engine.load(APP, "/tmp/d", plain).tool()).isEqualTo("psql");
        assertThat(String.join(" ", engine.load(APP, "/tmp/d", plain).argv())).contains("ON_ERROR_STOP=1")
                .contains("--single-transaction");
        assertThat(engine.load(APP, "/tmp/d", new byte[0]).tool()).isEqualTo("psql");
    }

    @Test
    void identifiersAreQuoted() {
        assertThat(EngineDefinition.identifier("a\"b", '"')).isEqualTo("\"a\"\"b\"");
        assertThat(EngineDefinition.identifier("a`b", '`')).isEqualTo("`a``b`");
    }
}
