package dev.paas.identity.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Someone who signs in: a normalised email, an optional password hash (accounts created through GitHub have
 * none), a {@link Role} and whether an admin disabled it. The platform never loses its last enabled admin: demoting
 * or disabling one is refused while no other enabled admin exists.
 */
public class Account {

    private final UUID id;
    private final String email;
    private final String passwordHash;
    private Role role;
    private boolean disabled;
    private final Instant createdAt;

    Account(UUID id, String email, String passwordHash, Role role, boolean disabled, Instant createdAt) {
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

    public Role role() {
        return role;
    }

    public boolean disabled() {
        return disabled;
    }

    public boolean admin() {
        return role == Role.ADMIN;
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
        return admin() ? List.of(Role.USER.value(), Role.ADMIN.value()) : List.of(Role.USER.value());
    }

    String passwordHash() {
        return passwordHash;
    }

    /**
     * Gives the account {@code newRole}; answers whether anything changed.
     *
     * @param otherEnabledAdmins how many enabled admins there are besides this account
     * @throws LastAdminException when this is the last enabled admin and {@code newRole} is not admin
     */
    boolean changeRole(Role newRole, long otherEnabledAdmins) {
        if (newRole != Role.ADMIN && lastEnabledAdmin(otherEnabledAdmins)) {
            throw new LastAdminException("demote", email);
        }
        boolean changed = newRole != role;
        role = newRole;
        return changed;
    }

    /**
     * Disables the account; answers whether it was enabled.
     *
     * @param otherEnabledAdmins how many enabled admins there are besides this account
     * @throws LastAdminException when this is the last enabled admin
     */
    boolean disable(long otherEnabledAdmins) {
        if (lastEnabledAdmin(otherEnabledAdmins)) {
            throw new LastAdminException("disable", email);
        }
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

    private boolean lastEnabledAdmin(long otherEnabledAdmins) {
        return admin() && !disabled && otherEnabledAdmins == 0;
    }
}
