package dev.paas.database.databases;

import dev.paas.database.engine.Credentials;
import dev.paas.database.engine.DatabaseType;
import dev.paas.sealing.SealedBox;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Credentials of managed databases: generated from {@link SecureRandom}, sealed at rest under the secrets key, and
 * the variables of a link sealed under the link key that runtime-service opens.
 */
@Component
class DatabaseSecrets {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SecureRandom random = new SecureRandom();
    private final SealedBox credentialsBox;
    private final SealedBox linkBox;

    DatabaseSecrets(DatabasesProperties properties) {
        this.credentialsBox = SealedBox.ofBase64(properties.secretsKey(), "paas.databases.secrets-key");
        this.linkBox = SealedBox.ofBase64(properties.linkKey(), "paas.databases.link-key");
    }

    /** New credentials for {@code type}: user {@code app} (Redis {@code default}), database {@code app} ({@code 0}). */
    Credentials generate(DatabaseType type) {
        return type == DatabaseType.REDIS ? new Credentials("default", password(), "0")
                : new Credentials("app", password(), "app");
    }

    String password() {
        var password = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    String seal(UUID databaseId, Credentials credentials) {
        String plain = JSON.writeValueAsString(Map.of("user", credentials.user(), "password", credentials.password(),
                "database", credentials.database()));
        return credentialsBox.seal(plain, "database-credentials:" + databaseId);
    }

    Credentials open(UUID databaseId, String sealed) {
        Map<?, ?> fields = JSON.readValue(credentialsBox.open(sealed, "database-credentials:" + databaseId),
                Map.class);
        return new Credentials((String) fields.get("user"), (String) fields.get("password"),
                (String) fields.get("database"));
    }

    /** The variables of a link as one sealed JSON object, for runtime-service only. */
    String sealVariables(UUID projectId, UUID databaseId, Map<String, String> variables) {
        return linkBox.seal(JSON.writeValueAsString(variables), "database-link:" + projectId + ":" + databaseId);
    }
}
