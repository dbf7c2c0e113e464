package dev.paas.identity.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.paas.identity.audit.Actor;
import dev.paas.identity.audit.AuditActions;
import dev.paas.identity.audit.AuditLog;
import dev.paas.identity.secrets.SecretBox;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signing keys: creates the first one at start (once, even with several replicas starting together), hands
 * out the active one to sign with, publishes every key whose tokens may still be valid, and rotates. It is also
 * the {@link JWKSource} identity-service verifies its own tokens against, read from the database rather than
 * over HTTP.
 */
@Component
public class KeyRing implements JWKSource<SecurityContext> {

    static final String SEAL_PURPOSE = "signing-key";
    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);
    private static final Duration CACHE_TTL = Duration.ofSeconds(10);
    private static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(1);

    private final SigningKeys keys;
    private final SecretBox box;
    private final TokenSettings settings;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, RSAKey> unsealed = new ConcurrentHashMap<>();
    private volatile Published cache = new Published(new JWKSet(), Instant.EPOCH);

    @Autowired
    KeyRing(SigningKeys keys, SecretBox box, TokenSettings settings, TransactionTemplate tx, AuditLog audit) {
        this(keys, box, settings, tx, audit, Clock.systemUTC());
    }

    KeyRing(SigningKeys keys, SecretBox box, TokenSettings settings, TransactionTemplate tx, AuditLog audit,
            Clock clock) {
        this.keys = keys;
        this.box = box;
        this.settings = settings;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureKeyAtStart() {
        log.info("signing access tokens with key {}", signingKey().getKeyID());
    }

    /** The key pair to sign with now. */
    RSAKey signingKey() {
        SigningKey key = keys.active(clock.instant()).orElseGet(this::ensureActiveKey);
        RSAKey known = unsealed.get(key.kid());
        if (known != null) {
            return known;
        }
        try {
            RSAKey opened = unseal(key);
            unsealed.put(key.kid(), opened);
            return opened;
        } catch (IllegalStateException e) {
            return replaceUnopenable(key);
        }
    }

    /**
     * The active key was sealed under another {@code PAAS_SECRETS_KEY} (the secrets key was replaced, or the database
     * was restored next to another installation): signing with it is impossible, so a new key takes over. Its public
     * half stays published, so tokens it signed stay valid until they expire.
     */
    private RSAKey replaceUnopenable(SigningKey key) {
        log.error("signing key {} cannot be opened with the configured PAAS_SECRETS_KEY (was the key replaced?); "
                + "rotating to a new signing key", key.kid());
        String kid = tx.execute(status -> {
            keys.lockKeyDecisions();
            SigningKey current = keys.active(clock.instant()).orElse(null);
            if (current != null && !current.kid().equals(key.kid())) {
                return current.kid();
            }
            return rotateLocked(new Actor(null, null, null), "unreadable-key").kid();
        });
        RSAKey generatedHere = unsealed.get(kid);
        if (generatedHere != null) {
            return generatedHere;
        }
        // Another replica rotated first: its key is sealed in the database like any other.
        SigningKey active = keys.active(clock.instant()).filter(k -> k.kid().equals(kid))
                .orElseThrow(() -> new IllegalStateException("signing key " + kid + " vanished after rotation"));
        RSAKey opened = unseal(active);
        unsealed.put(kid, opened);
        return opened;
    }

    /** The public keys of every key whose tokens may still be valid, newest first: the JWKS. */
    public JWKSet publicKeys() {
        return new JWKSet(keys.published(clock.instant()).stream().map(key -> (JWK) key.publicJwk()).toList());
    }

    /** Makes a new key the signing key; the previous ones stay published until their last token expired. */
    public RotatedKey rotate(Actor actor) {
        return tx.execute(status -> {
            keys.lockKeyDecisions();
            return rotateLocked(actor, "admin");
        });
    }

    /** Rotates when the active key is older than {@code paas.identity.key-rotation}; answers whether it did. */
    boolean rotateIfDue() {
        Boolean rotated = tx.execute(status -> {
            keys.lockKeyDecisions();
            Instant now = clock.instant();
            boolean due = keys.active(now)
                    .map(key -> !key.activatedAt().plus(settings.keyRotation()).isAfter(now))
                    .orElse(true);
            if (due) {
                RotatedKey key = rotateLocked(new Actor(null, null, null), "schedule");
                log.info("rotated the signing key on schedule: now {}", key.kid());
            }
            return due;
        });
        return Boolean.TRUE.equals(rotated);
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        Published current = cache;
        Instant now = clock.instant();
        if (current.loadedAt().plus(CACHE_TTL).isBefore(now)) {
            current = reload(now);
        }
        List<JWK> found = selector.select(current.keys());
        // A token signed by a key another replica has just created: look again, but not more than once a second.
        if (found.isEmpty() && current.loadedAt().plus(MIN_RELOAD_INTERVAL).isBefore(now)) {
            found = selector.select(reload(now).keys());
        }
        return found;
    }

    private Published reload(Instant now) {
        Published fresh = new Published(publicKeys(), now);
        cache = fresh;
        return fresh;
    }

    private SigningKey ensureActiveKey() {
        return tx.execute(status -> {
            keys.lockKeyDecisions();
            Instant now = clock.instant();
            return keys.active(now).orElseGet(() -> {
                SigningKey key = generate(now);
                keys.insert(key);
                return key;
            });
        });
    }

    private RotatedKey rotateLocked(Actor actor, String trigger) {
        Instant now = clock.instant();
        SigningKey key = generate(now);
        keys.insert(key);
        Instant retiredAt = now.plus(settings.longestTokenLife());
        List<String> retired = keys.retireAllBut(key.kid(), retiredAt);
        audit.record(actor, AuditActions.SIGNING_KEY_ROTATED, key.kid(), Map.of("trigger", trigger,
                "retired", String.join(",", retired), "retiredKeysPublishedUntil", retiredAt.toString()));
        cache = new Published(new JWKSet(), Instant.EPOCH);
        return new RotatedKey(key.kid(), key.activatedAt(), retired, retiredAt);
    }

    private SigningKey generate(Instant now) {
        try {
            RSAKey generated = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .issueTime(Date.from(now))
                    .generate();
            String kid = generated.computeThumbprint().toString();
            RSAKey withKid = new RSAKey.Builder(generated).keyID(kid).build();
            unsealed.put(kid, withKid);
            return new SigningKey(kid, withKid.toPublicJWK(), box.seal(withKid.toJSONString(), SEAL_PURPOSE), now,
                    now, null);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA signing key", e);
        }
    }

    private RSAKey unseal(SigningKey key) {
        try {
            return RSAKey.parse(box.open(key.sealedPrivateKey(), SEAL_PURPOSE));
        } catch (ParseException e) {
            throw new IllegalStateException("signing key " + key.kid() + " does not unseal to an RSA JWK", e);
        }
    }

    /** A rotation's outcome: the new key and the keys it retired, published until {@code retiredKeysPublishedUntil}. */
    public record RotatedKey(String kid, Instant activatedAt, List<String> retired, Instant retiredKeysPublishedUntil) {
    }

    private record Published(JWKSet keys, Instant loadedAt) {
    }
}
