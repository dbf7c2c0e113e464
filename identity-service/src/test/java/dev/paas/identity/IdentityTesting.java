package dev.paas.identity;

import dev.paas.messaging.testing.EventBus;
import java.sql.DriverManager;
import org.springframework.test.context.DynamicPropertyRegistry;

/** What every integration test of identity-service sets up: a fresh database of its own, a bus and a secrets key. */
public final class IdentityTesting {

    /** Bytes 0..31, base64: a fixed key so that a test run's sealed values are reproducible. */
    public static final String SECRETS_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private IdentityTesting() {
    }

    /** Points the service at a database {@code name} dropped and created anew, so "first account" means first. */
    public static void configure(DynamicPropertyRegistry registry, String name) throws Exception {
        String url = freshDatabase(name);
        EventBus bus = EventBus.shared();
        registry.add("spring.datasource.url", () -> url);
        registry.add("paas.identity.secrets-key", () -> SECRETS_KEY);
        registry.add("spring.cloud.stream.jetstream.binder.url", bus::url);
        // Several test contexts (and other modules' tests) share one PostgreSQL: keep each pool small.
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
    }

    private static String freshDatabase(String name) throws Exception {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("test database names are lower-case words: " + name);
        }
        String host = System.getenv().getOrDefault("PAAS_TEST_DB_HOST", "127.0.0.1:5432");
        try (var connection = DriverManager.getConnection("jdbc:postgresql://" + host + "/postgres", "postgres", "");
                var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        }
        return "jdbc:postgresql://" + host + "/" + name;
    }
}
