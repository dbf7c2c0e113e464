package dev.paas.identity.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest (GitHub tokens, signing keys) with AES-256-GCM under the key from
 * {@code paas.identity.secrets-key}. Each value gets a fresh 96-bit nonce; the result is
 * {@code v1:<base64(nonce || ciphertext || tag)>}. A purpose string is bound as associated data, so a ciphertext
 * copied from one column into another does not decrypt.
 */
public final class SecretBox {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("the secrets key must be 32 bytes (256 bits), base64-encoded");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A box for a base64-encoded 256-bit key, as configuration holds it. */
    public static SecretBox ofBase64(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("paas.identity.secrets-key (PAAS_SECRETS_KEY) is not set: "
                    + "give it 32 random bytes, base64-encoded (openssl rand -base64 32)");
        }
        try {
            return new SecretBox(Base64.getDecoder().decode(key.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("paas.identity.secrets-key (PAAS_SECRETS_KEY) must be 32 bytes, "
                    + "base64-encoded: " + e.getMessage(), e);
        }
    }

    public String seal(String plaintext, String purpose) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** The plaintext of {@code sealed}; throws when it was tampered with, sealed for another purpose or key. */
    public String open(String sealed, String purpose) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sealed secret");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("sealed secret is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open sealed secret (" + purpose + "): wrong key or tampered", e);
        }
    }
}
