package dev.paas.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Forgeries of a real access token, the way an attacker would try them. */
final class Tokens {

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    /** The same claims with {@code alg: none} and no signature. */
    static String unsigned(String token) {
        String[] parts = token.split("\\.");
        String header = ENCODER.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }

    /** The original signature over claims that now say the caller is an admin. */
    static String tampered(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"roles\":[\"user\"]", "\"roles\":[\"user\",\"admin\"]");
        if (claims.equals(new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8))) {
            claims = claims.replaceFirst("\"exp\":(\\d+)", "\"exp\":9$1");
        }
        return parts[0] + "." + ENCODER.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
