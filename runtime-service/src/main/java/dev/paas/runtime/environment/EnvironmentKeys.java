package dev.paas.runtime.environment;

import dev.paas.sealing.SealedBox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The key ring of {@code paas.runtime.env.keys}: seals values under the first key and opens each under the key its
 * row names. The purpose every value is bound to names the project and the variable, so a sealed value copied to
 * another variable or project does not open.
 */
final class EnvironmentKeys {

    private static final String SETTING = "paas.runtime.env.keys";

    private final String currentId;
    private final Map<String, SealedBox> boxes;

    private EnvironmentKeys(Map<String, SealedBox> boxes) {
        this.boxes = boxes;
        this.currentId = boxes.keySet().iterator().next();
    }

    /** The ring; fails with a message naming the setting when it is empty or a key is missing or malformed. */
    static EnvironmentKeys of(List<EnvironmentProperties.Key> keys) {
        if (keys.isEmpty()) {
            throw new IllegalStateException(SETTING + " is empty: environment variables cannot be sealed. Set "
                    + "PAAS_ENV_KEY to 32 random bytes, base64-encoded (openssl rand -base64 32)");
        }
        Map<String, SealedBox> boxes = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            EnvironmentProperties.Key key = keys.get(i);
            String setting = SETTING + "[" + i + "].key" + (i == 0 ? " (PAAS_ENV_KEY)" : "");
            SealedBox box = SealedBox.ofBase64(key.key(), setting);
            String id = key.id() == null || key.id().isBlank() ? fingerprint(key.key()) : key.id().strip();
            if (id.length() > 64) {
                throw new IllegalStateException(SETTING + "[" + i + "].id is longer than 64 characters");
            }
            if (boxes.putIfAbsent(id, box) != null) {
                throw new IllegalStateException(SETTING + " names the key id '" + id + "' twice");
            }
        }
        return new EnvironmentKeys(boxes);
    }

    /** The id of the key new values are sealed under. */
    String currentId() {
        return currentId;
    }

    /** The ids of every key of the ring. */
    Set<String> ids() {
        return boxes.keySet();
    }

    Sealed seal(UUID projectId, String name, String value) {
        return sealFor(purpose(projectId, name), value);
    }

    /** {@code value} sealed under the first key for {@code purpose}, which must not be an environment variable's. */
    Sealed sealFor(String purpose, String value) {
        return new Sealed(currentId, boxes.get(currentId).seal(value, purpose));
    }

    /** The clear value; fails, naming the project, variable and key id but never the value, when it cannot open. */
    String open(UUID projectId, String name, String keyId, String sealed) {
        SealedBox box = boxes.get(keyId);
        if (box == null) {
            throw new IllegalStateException("environment variable " + name + " of project " + projectId
                    + " is sealed under key '" + keyId + "', which " + SETTING + " does not hold");
        }
        return box.open(sealed, purpose(projectId, name));
    }

    /** The clear value sealed for {@code purpose}; {@code what} names it in a failure, never the value. */
    String openFor(String purpose, String what, String keyId, String sealed) {
        SealedBox box = boxes.get(keyId);
        if (box == null) {
            throw new IllegalStateException(what + " is sealed under key '" + keyId + "', which " + SETTING
                    + " does not hold");
        }
        return box.open(sealed, purpose);
    }

    private static String purpose(UUID projectId, String name) {
        return "runtime.env/" + projectId + "/" + name;
    }

    /** A name for a key without one, derived from the key but revealing nothing of it. */
    private static String fingerprint(String base64Key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("paas.runtime.env.key-id/".getBytes(StandardCharsets.UTF_8));
            byte[] digest = sha256.digest(Base64.getDecoder().decode(base64Key.strip()));
            return "sha256-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A value sealed under the key {@code keyId}. */
    record Sealed(String keyId, String value) {
    }
}
