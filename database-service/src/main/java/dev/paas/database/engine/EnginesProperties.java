package dev.paas.database.engine;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the engines ({@code paas.databases.engines.*}): per type the versions offered (the default first),
 * each with its image candidates in order of preference, and the time limits of the data plane.
 *
 * @param postgresql versions of PostgreSQL
 * @param mysql versions of MariaDB (the {@code mysql} type)
 * @param mongodb versions of MongoDB
 * @param redis versions of Redis
 * @param pullTimeout how long {@link DatabaseEngines#resolve} may spend pulling, all candidates together
 * @param pullFailureMemory how long a failed pull is remembered (not tried again)
 * @param readyTimeout how long a scratch engine may take to accept connections
 * @param execTimeout the longest a dump or a load may run
 */
@ConfigurationProperties("paas.databases.engines")
public record EnginesProperties(Engine postgresql, Engine mysql, Engine mongodb, Engine redis, Duration pullTimeout,
        Duration pullFailureMemory, Duration readyTimeout, Duration execTimeout) {

    public EnginesProperties {
        postgresql = postgresql == null ? Engine.of("15", "postgres:15", "paas/postgres:15") : postgresql;
        mysql = mysql == null ? Engine.of("10.11", "mariadb:10.11", "paas/mariadb:10.11") : mysql;
        mongodb = mongodb == null ? Engine.of("7", "mongo:7") : mongodb;
        redis = redis == null ? Engine.of("7", "redis:7", "paas/redis:7") : redis;
        pullTimeout = pullTimeout == null ? Duration.ofSeconds(20) : pullTimeout;
        pullFailureMemory = pullFailureMemory == null ? Duration.ofMinutes(5) : pullFailureMemory;
        readyTimeout = readyTimeout == null ? Duration.ofSeconds(90) : readyTimeout;
        execTimeout = execTimeout == null ? Duration.ofHours(2) : execTimeout;
    }

    /** The defaults of the spec. */
    public static EnginesProperties defaults() {
        return new EnginesProperties(null, null, null, null, null, null, null, null);
    }

    Engine of(DatabaseType type) {
        return switch (type) {
            case POSTGRESQL -> postgresql;
            case MYSQL -> mysql;
            case MONGODB -> mongodb;
            case REDIS -> redis;
        };
    }

    /** The versions of one engine, the default first. */
    public record Engine(List<Version> versions) {

        public Engine {
            versions = versions == null ? List.of() : List.copyOf(versions);
        }

        static Engine of(String version, String... images) {
            return new Engine(List.of(new Version(version, List.of(images))));
        }
    }

    /** One version and its image candidates, in order of preference. */
    public record Version(String version, List<String> images) {

        public Version {
            images = images == null ? List.of() : List.copyOf(images);
        }
    }
}
