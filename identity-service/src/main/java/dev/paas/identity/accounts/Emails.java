package dev.paas.identity.accounts;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** How emails are compared (trimmed, lower-case) and which ones are accepted. */
public final class Emails {

    private static final int MAX_LENGTH = 254;
    // Deliberately loose: one @, something before it, a dotted domain after it, no spaces or control characters.
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}.]+$");

    private Emails() {
    }

    /** The form accounts are stored and looked up by; never null. */
    public static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /** What is wrong with an already normalised email, if anything. */
    public static Optional<String> problemWith(String normalised) {
        if (normalised.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (normalised.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        if (!SHAPE.matcher(normalised).matches()) {
            return Optional.of("must be an email address like name@example.com");
        }
        return Optional.empty();
    }
}
