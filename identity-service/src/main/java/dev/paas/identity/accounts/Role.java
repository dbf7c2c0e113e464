package dev.paas.identity.accounts;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** What an account may do: every account is a user; admins also manage users, audit and keys. */
public enum Role {

    USER("user"),
    ADMIN("admin");

    private final String value;

    Role(String value) {
        this.value = value;
    }

    /** The text stored in {@code accounts.role}, shown by the API and carried in access tokens. */
    public String value() {
        return value;
    }

    /** The role named {@code text} (any case, surrounding blanks ignored), if there is one. */
    public static Optional<Role> parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Stream.of(values()).filter(role -> role.value.equals(wanted)).findFirst();
    }

    /** The role stored as {@code value}; anything else is a corrupt row. */
    static Role stored(String value) {
        return parse(value).orElseThrow(() -> new IllegalStateException("unknown role '" + value + "' in accounts"));
    }
}
