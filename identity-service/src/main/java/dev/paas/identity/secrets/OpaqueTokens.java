package dev.paas.identity.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Opaque bearer secrets (refresh tokens, personal API tokens): a recognisable prefix plus 43 url-safe characters
 * (256 random bits). Only their SHA-256 is stored; a plain hash suffices because the secret itself has full
 * entropy, and it lets a token be found by an indexed lookup.
 */
public final class OpaqueTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OpaqueTokens() {
    }

    /** {@code prefix} followed by 43 url-safe random characters. */
    public static String generate(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lower-case hex SHA-256 of the token, as stored. */
    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether {@code token} has the shape {@link #generate} gives it, before any lookup. */
    public static boolean looksLike(String token, String prefix) {
        return token != null && token.length() == prefix.length() + 43 && token.startsWith(prefix)
                && token.substring(prefix.length()).chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128
                        || c == '-' || c == '_');
    }
}
