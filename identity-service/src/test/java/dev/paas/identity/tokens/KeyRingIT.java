package dev.paas.identity.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.identity.IdentityIntegrationTest;
import dev.paas.identity.audit.AuditLog;
import dev.paas.identity.secrets.SecretBox;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

/** Signing keys in the database: one first key even when replicas start together, and rotation when due. */
// Deletes the signing keys and seals one under another secrets key: the context's key ring and every token it
// issued no longer match the database, so no other class may use the context after it.
@DirtiesContext
class KeyRingIT extends IdentityIntegrationTest {

    @Autowired
    SigningKeys keys;

    @Autowired
    SecretBox box;

    @Autowired
    TokenSettings settings;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    private KeyRing replica(Duration rotation) {
        TokenSettings replicaSettings = new TokenSettings(settings.issuer(), settings.audience(),
                settings.accessTokenTtl(), settings.apiTokenAccessTtl(), settings.clockSkew(), rotation);
        return new KeyRing(keys, box, replicaSettings, tx, audit);
    }

    @Test
    void createsOneFirstKeyWhenReplicasStartTogether() throws Exception {
        jdbc.update("delete from signing_keys");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> starts = List.of(
                    () -> replica(settings.keyRotation()).signingKey().getKeyID(),
                    () -> replica(settings.keyRotation()).signingKey().getKeyID(),
                    () -> replica(settings.keyRotation()).signingKey().getKeyID(),
                    () -> replica(settings.keyRotation()).signingKey().getKeyID());
            List<String> kids = pool.invokeAll(starts).stream().map(KeyRingIT::get).distinct().toList();
            assertThat(kids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from signing_keys", Integer.class)).isEqualTo(1);
    }

    @Test
    void sealsThePrivateKey() {
        replica(settings.keyRotation()).signingKey();
        String sealed = jdbc.queryForObject("select private_key from signing_keys limit 1", String.class);
        assertThat(sealed).startsWith("v1:").doesNotContain("\"d\"");
    }

    @Test
    void rotatesOnScheduleOnlyWhenTheKeyIsOldEnough() {
        KeyRing patient = replica(Duration.ofDays(30));
        patient.signingKey();
        assertThat(patient.rotateIfDue()).isFalse();

        KeyRing eager = replica(Duration.ofSeconds(1));
        String before = eager.signingKey().getKeyID();
        await().atMost(Duration.ofSeconds(10)).until(eager::rotateIfDue);
        String after = eager.signingKey().getKeyID();
        assertThat(after).isNotEqualTo(before);
        assertThat(eager.publicKeys().getKeyByKeyId(before)).as("retired key still published").isNotNull();
        assertThat(jdbc.queryForObject("select retired_at > now() + interval '15 minutes' from signing_keys "
                + "where kid = ?", Boolean.class, before)).isTrue();
    }

    @Test
    void replacesAnActiveKeySealedUnderAnotherSecretsKey() {
        KeyRing elsewhere = new KeyRing(keys, new SecretBox(new byte[32]), settings, tx, audit);
        jdbc.update("delete from signing_keys");
        String foreign = elsewhere.signingKey().getKeyID();

        String now = replica(settings.keyRotation()).signingKey().getKeyID();

        assertThat(now).isNotEqualTo(foreign);
        assertThat(jdbc.queryForObject("select count(*) from signing_keys where retired_at is not null and kid = ?",
                Integer.class, foreign)).isEqualTo(1);
    }

    private static String get(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
