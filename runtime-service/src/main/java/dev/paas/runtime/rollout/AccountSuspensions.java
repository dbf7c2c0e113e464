package dev.paas.runtime.rollout;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code account_suspended_apps} table: which apps an account's suspension suspended and what their owner had
 * asked for before ({@code RUNNING} or {@code STOPPED}). Apps an administrator had suspended are not in it, so a
 * reinstatement leaves them suspended.
 */
class AccountSuspensions {

    /** One app the account's suspension holds. */
    record Held(UUID projectId, AppRecord.Desired desiredBefore) {
    }

    private final JdbcClient jdbc;

    AccountSuspensions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The owner's apps that are neither deleted nor suspended, locked until the transaction ends. */
    List<AppRecord> lockUnsuspendedAppsOf(UUID ownerId) {
        return jdbc.sql("""
                SELECT * FROM apps WHERE owner_id = :owner AND desired IN ('RUNNING', 'STOPPED')
                ORDER BY project_id FOR UPDATE""")
                .param("owner", ownerId)
                .query(AppStore::app).list();
    }

    void hold(UUID projectId, UUID ownerId, AppRecord.Desired desiredBefore, Instant now) {
        jdbc.sql("""
                INSERT INTO account_suspended_apps (project_id, owner_id, desired_before, suspended_at)
                VALUES (:project, :owner, :desired, :now) ON CONFLICT (project_id) DO NOTHING""")
                .param("project", projectId).param("owner", ownerId).param("desired", desiredBefore.name())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Takes (deletes and returns) the apps the owner's suspension holds, locking them first. */
    List<Held> release(UUID ownerId) {
        List<Held> held = jdbc.sql("""
                SELECT project_id, desired_before FROM account_suspended_apps WHERE owner_id = :owner
                ORDER BY project_id FOR UPDATE""")
                .param("owner", ownerId)
                .query((rs, row) -> new Held(rs.getObject("project_id", UUID.class),
                        AppRecord.Desired.valueOf(rs.getString("desired_before"))))
                .list();
        jdbc.sql("DELETE FROM account_suspended_apps WHERE owner_id = :owner").param("owner", ownerId).update();
        return held;
    }

    /** Whether the account's suspension holds the app (rather than an administrator's). */
    boolean holds(UUID projectId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM account_suspended_apps WHERE project_id = :project)")
                .param("project", projectId).query(Boolean.class).single();
    }

    /**
     * Makes the owner's releases that waited for the reinstatement due now, instead of at their next look: the
     * rollout worker picks them up at its next poll.
     */
    void dueHeldReleases(UUID ownerId) {
        jdbc.sql("""
                UPDATE releases SET lease_until = NULL
                WHERE owner_id = :owner AND status = 'PENDING' AND lease_owner IS NULL""")
                .param("owner", ownerId).update();
    }
}
