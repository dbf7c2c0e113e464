package dev.paas.identity.accounts;

import dev.paas.problems.Conflict;

/** A change that would leave the platform without an enabled admin. Changes nothing. */
public class LastAdminException extends Conflict {

    public LastAdminException(String change, String email) {
        super("cannot " + change + " " + email + ": it is the last enabled admin; make another user admin first");
    }
}
