package dev.paas.database.databases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.database.engine.Credentials;
import dev.paas.database.engine.DatabaseType;
import dev.paas.sealing.SealedBox;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Generated credentials, sealed at rest for one database only, and link variables sealed for one link. */
class DatabaseSecretsTest {

    private static final String SECRETS_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String LINK_KEY = Base64.getEncoder().encodeToString("l".repeat(32).getBytes());

    private final DatabaseSecrets secrets = new DatabaseSecrets(new DatabasesProperties(SECRETS_KEY, LINK_KEY,
            null, null, null));

    @Test
    void generatesThirtyTwoRandomAlphanumericCharacters() {
        Credentials postgres = secrets.generate(DatabaseType.POSTGRESQL);
        assertThat(postgres.user()).isEqualTo("app");
        assertThat(postgres.database()).isEqualTo("app");
        assertThat(postgres.password()).matches("[A-Za-z0-9]{32}");
        assertThat(secrets.generate(DatabaseType.POSTGRESQL).password()).isNotEqualTo(postgres.password());
        Credentials redis = secrets.generate(DatabaseType.REDIS);
        assertThat(redis.user()).isEqualTo("default");
        assertThat(redis.database()).isEqualTo("0");
    }

    @Test
    void sealedCredentialsOpenOnlyForTheirDatabase() {
        UUID id = UUID.randomUUID();
        Credentials credentials = secrets.generate(DatabaseType.MYSQL);
        String sealed = secrets.seal(id, credentials);

        assertThat(sealed).doesNotContain(credentials.password());
        assertThat(secrets.open(id, sealed)).isEqualTo(credentials);
        assertThatThrownBy(() -> secrets.open(UUID.randomUUID(), sealed)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void linkVariablesOpenWithTheLinkKeyAndPurpose() {
        UUID project = UUID.randomUUID();
        UUID database = UUID.randomUUID();
        String sealed = secrets.sealVariables(project, database, Map.of("DATABASE_URL", "postgresql://x"));

        String opened = SealedBox.ofBase64(LINK_KEY, "link").open(sealed, "database-link:" + project + ":" + database);
        assertThat(opened).isEqualTo("{\"DATABASE_URL\":\"postgresql://x\"}");
    }

    @Test
    void refusesToStartWithoutKeys() {
        assertThatThrownBy(() -> new DatabaseSecrets(new DatabasesProperties(null, LINK_KEY, null, null, null)))
                .hasMessageContaining("paas.databases.secrets-key is not set");
    }
}
