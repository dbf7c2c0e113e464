package dev.paas.identity.secrets;

import dev.paas.sealing.SealedBox;

/**
 * Encrypts secrets at rest (GitHub tokens, signing keys) with AES-256-GCM under the key from
 * {@code paas.identity.secrets-key}, through the platform's {@link SealedBox}: each value gets a fresh nonce and a
 * purpose string is bound as associated data, so a ciphertext copied from one column into another does not decrypt.
 */
public final class SecretBox {

    private final SealedBox box;

    public SecretBox(byte[] key) {
        this.box = new SealedBox(key);
    }

    private SecretBox(SealedBox box) {
        this.box = box;
    }

    /** A box for a base64-encoded 256-bit key, as configuration holds it. */
    public static SecretBox ofBase64(String key) {
        return new SecretBox(SealedBox.ofBase64(key, "paas.identity.secrets-key (PAAS_SECRETS_KEY)"));
    }

    public String seal(String plaintext, String purpose) {
        return box.seal(plaintext, purpose);
    }

    /** The plaintext of {@code sealed}; throws when it was tampered with, sealed for another purpose or key. */
    public String open(String sealed, String purpose) {
        return box.open(sealed, purpose);
    }
}
