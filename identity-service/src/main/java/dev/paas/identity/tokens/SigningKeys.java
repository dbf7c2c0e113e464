package dev.paas.identity.tokens;

import com.nimbusds.jose.jwk.RSAKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All signing keys, with the private half sealed. */
@Repository
class SigningKeys {

    /** Serialises key creation and rotation between replicas. */
    private static final long KEY_DECISIONS_LOCK = 0x706161734b657973L;

    private final JdbcClient jdbc;

    SigningKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void lockKeyDecisions() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(KEY_DECISIONS_LOCK).query((rs, row) -> 1).list();
    }

    /** The key that signs now: the most recently activated one that is not retired. */
    Optional<SigningKey> active(Instant now) {
        return jdbc.sql("""
                select * from signing_keys where activated_at <= ? and retired_at is null
                order by activated_at desc, created_at desc limit 1""")
                .param(Timestamp.from(now)).query(SigningKeys::map).optional();
    }

    Optional<SigningKey> findByKid(String kid) {
        return jdbc.sql("select * from signing_keys where kid = ?").param(kid).query(SigningKeys::map).optional();
    }

    List<SigningKey> published(Instant now) {
        return jdbc.sql("select * from signing_keys where retired_at is null or retired_at > ? order by activated_at desc")
                .param(Timestamp.from(now)).query(SigningKeys::map).list();
    }

    void insert(SigningKey key) {
        jdbc.sql("""
                insert into signing_keys (kid, public_jwk, private_key, created_at, activated_at, retired_at)
                values (?, ?, ?, ?, ?, null)""")
                .params(key.kid(), key.publicJwk().toJSONString(), key.sealedPrivateKey(),
                        Timestamp.from(key.createdAt()), Timestamp.from(key.activatedAt()))
                .update();
    }

    /** Retires every key still in service except {@code keep}; answers the kids retired. */
    List<String> retireAllBut(String keep, Instant retiredAt) {
        return jdbc.sql("update signing_keys set retired_at = ? where retired_at is null and kid <> ? returning kid")
                .params(Timestamp.from(retiredAt), keep).query(String.class).list();
    }

    private static SigningKey map(ResultSet rs, int row) throws SQLException {
        try {
            Timestamp retired = rs.getTimestamp("retired_at");
            return new SigningKey(rs.getString("kid"), RSAKey.parse(rs.getString("public_jwk")),
                    rs.getString("private_key"), rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("activated_at").toInstant(), retired == null ? null : retired.toInstant());
        } catch (ParseException e) {
            throw new IllegalStateException("signing key " + rs.getString("kid") + " has an unreadable public JWK", e);
        }
    }
}
