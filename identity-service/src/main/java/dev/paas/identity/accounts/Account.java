package dev.paas.identity.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Someone who signs in: a normalised email, an optional password hash (accounts created through GitHub have
 * none), a role ({@code admin} or {@code user}) and whether an admin disabled it.
 */
public class Account {

    public static final String ADMIN = "admin";
    public static final String USER = "user";

    private final UUID id;
    private final String email;
    private final String passwordHash;
    private String role;
    private boolean disabled;
    private final Instant createdAt;

    Account(UUID id, String email, String passwordHash, String role, boolean disabled, Instant createdAt) {
        this.id = id;
        this.email = email;
        this.passwordHash = passwordHash;
        this.role = role;
        this.disabled = disabled;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String role() {
        return role;
    }

    public boolean disabled() {
        return disabled;
    }

    public boolean admin() {
        return ADMIN.equals(role);
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Whether a password was ever set (false for accounts that sign in through GitHub only). */
    public boolean hasPassword() {
        return passwordHash != null;
    }

    /** The roles an access token carries: every account is a user, admins are admins too. */
    public List<String> roles() {
        return admin() ? List.of(USER, ADMIN) : List.of(USER);
    }

    String passwordHash() {
        return passwordHash;
    }

    /** Sets the role; answers whether anything changed. */
    boolean changeRole(String newRole) {
        if (!ADMIN.equals(newRole) && !USER.equals(newRole)) {
            throw new IllegalArgumentException("cannot give account " + email + " role '" + newRole + "'");
        }
        boolean changed = !newRole.equals(role);
        role = newRole;
        return changed;
    }

    /** Disables the account; answers whether it was enabled. */
    boolean disable() {
        boolean changed = !disabled;
        disabled = true;
        return changed;
    }

    /** Enables the account; answers whether it was disabled. */
    boolean enable() {
        boolean changed = disabled;
        disabled = false;
        return changed;
    }
}
