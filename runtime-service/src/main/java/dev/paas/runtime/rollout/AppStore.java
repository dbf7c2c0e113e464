package dev.paas.runtime.rollout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code apps}, {@code replicas} and {@code restarts} tables. */
class AppStore {

    private final JdbcClient jdbc;

    AppStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the project's app when its first image arrives; an app already known keeps its settings. */
    void ensureApp(UUID projectId, UUID ownerId, String slug, Instant now) {
        jdbc.sql("""
                INSERT INTO apps (project_id, owner_id, slug, desired, state, updated_at)
                VALUES (:project, :owner, :slug, 'RUNNING', 'DEPLOYING', :now)
                ON CONFLICT (project_id) DO UPDATE SET owner_id = COALESCE(apps.owner_id, EXCLUDED.owner_id)""")
                .param("project", projectId).param("owner", ownerId).param("slug", slug)
                .param("now", Timestamp.from(now))
                .update();
    }

    Optional<AppRecord> app(UUID projectId) {
        return jdbc.sql("SELECT * FROM apps WHERE project_id = :project")
                .param("project", projectId)
                .query(AppStore::app)
                .optional();
    }

    List<AppRecord> apps() {
        return jdbc.sql("SELECT * FROM apps ORDER BY project_id").query(AppStore::app).list();
    }

    List<AppRecord> appsOf(UUID ownerId) {
        return jdbc.sql("SELECT * FROM apps WHERE owner_id = :owner ORDER BY project_id FOR UPDATE")
                .param("owner", ownerId).query(AppStore::app).list();
    }

    void desire(UUID projectId, AppRecord.Desired desired, Instant now) {
        jdbc.sql("UPDATE apps SET desired = :desired, updated_at = :now WHERE project_id = :project")
                .param("desired", desired.name()).param("now", Timestamp.from(now)).param("project", projectId)
                .update();
    }

    void state(UUID projectId, AppState state, String reason, Instant now) {
        jdbc.sql("UPDATE apps SET state = :state, state_reason = :reason, updated_at = :now WHERE project_id = :project")
                .param("state", state.name()).param("reason", reason).param("now", Timestamp.from(now))
                .param("project", projectId)
                .update();
    }

    void instances(UUID projectId, int instances, Instant now) {
        jdbc.sql("UPDATE apps SET instances = :instances, updated_at = :now WHERE project_id = :project")
                .param("instances", instances).param("now", Timestamp.from(now)).param("project", projectId)
                .update();
    }

    void settings(UUID projectId, Integer memoryMb, Integer cpuMillis, String healthPath, String healthCheck,
            Instant now) {
        jdbc.sql("""
                UPDATE apps SET memory_mb = :memory, cpu_millis = :cpu, health_path = :path, health_check = :check,
                  updated_at = :now WHERE project_id = :project""")
                .param("memory", memoryMb).param("cpu", cpuMillis).param("path", healthPath)
                .param("check", healthCheck).param("now", Timestamp.from(now)).param("project", projectId)
                .update();
    }

    void requestRestart(UUID projectId, Instant now) {
        jdbc.sql("UPDATE apps SET restart_requested_at = :now, updated_at = :now WHERE project_id = :project")
                .param("now", Timestamp.from(now)).param("project", projectId)
                .update();
    }

    void deleteApp(UUID projectId) {
        jdbc.sql("DELETE FROM restarts WHERE project_id = :project").param("project", projectId).update();
        jdbc.sql("DELETE FROM replicas WHERE project_id = :project").param("project", projectId).update();
        jdbc.sql("DELETE FROM apps WHERE project_id = :project").param("project", projectId).update();
    }

    /** Leases the app to this instance, or renews the lease; false when another instance holds it. */
    boolean lease(UUID projectId, String owner, java.time.Duration lease) {
        return jdbc.sql("""
                UPDATE apps SET lease_owner = :owner, lease_until = now() + make_interval(secs => :seconds)
                WHERE project_id = :project AND (lease_owner IS NULL OR lease_owner = :owner OR lease_until < now())""")
                .param("owner", owner).param("seconds", lease.toMillis() / 1000.0).param("project", projectId)
                .update() == 1;
    }

    void addReplica(ReplicaRecord replica, Instant now) {
        jdbc.sql("""
                INSERT INTO replicas (container_id, deployment_id, project_id, instance, generation, name, ip,
                  host_port, status, created_at, updated_at)
                VALUES (:id, :deployment, :project, :instance, :generation, :name, :ip, :port, :status, :now, :now)""")
                .param("id", replica.containerId()).param("deployment", replica.deploymentId())
                .param("project", replica.projectId()).param("instance", replica.instance())
                .param("generation", replica.generation()).param("name", replica.name()).param("ip", replica.ip())
                .param("port", replica.hostPort()).param("status", replica.status().name())
                .param("now", Timestamp.from(now))
                .update();
    }

    List<ReplicaRecord> replicas(UUID projectId) {
        return jdbc.sql("SELECT * FROM replicas WHERE project_id = :project ORDER BY instance, generation")
                .param("project", projectId)
                .query(AppStore::replica)
                .list();
    }

    List<ReplicaRecord> replicasOf(UUID deploymentId) {
        return jdbc.sql("SELECT * FROM replicas WHERE deployment_id = :deployment ORDER BY instance, generation")
                .param("deployment", deploymentId)
                .query(AppStore::replica)
                .list();
    }

    Optional<ReplicaRecord> replica(String containerId) {
        return jdbc.sql("SELECT * FROM replicas WHERE container_id = :id").param("id", containerId)
                .query(AppStore::replica).optional();
    }

    boolean knowsContainer(String containerId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM replicas WHERE container_id = :id)").param("id", containerId)
                .query(Boolean.class).single();
    }

    void serving(String containerId, Instant now, Instant nextProbe) {
        jdbc.sql("""
                UPDATE replicas SET status = 'SERVING', probe_failures = 0, next_probe_at = :probe,
                  healthy_since = COALESCE(healthy_since, :now), next_start_at = NULL, updated_at = :now
                WHERE container_id = :id""")
                .param("probe", Timestamp.from(nextProbe)).param("now", Timestamp.from(now)).param("id", containerId)
                .update();
    }

    void status(String containerId, ReplicaRecord.Status status, Instant now) {
        jdbc.sql("UPDATE replicas SET status = :status, updated_at = :now WHERE container_id = :id")
                .param("status", status.name()).param("now", Timestamp.from(now)).param("id", containerId)
                .update();
    }

    void probed(String containerId, int failures, Instant nextProbe, Instant now) {
        jdbc.sql("""
                UPDATE replicas SET probe_failures = :failures, next_probe_at = :probe, updated_at = :now
                WHERE container_id = :id""")
                .param("failures", failures).param("probe", Timestamp.from(nextProbe))
                .param("now", Timestamp.from(now)).param("id", containerId)
                .update();
    }

    void crashed(String containerId, Instant nextStart, long backoffMillis, Instant now) {
        jdbc.sql("""
                UPDATE replicas SET status = 'CRASHED', next_start_at = :start, backoff_millis = :backoff,
                  healthy_since = NULL, probe_failures = 0, updated_at = :now WHERE container_id = :id""")
                .param("start", Timestamp.from(nextStart)).param("backoff", backoffMillis)
                .param("now", Timestamp.from(now)).param("id", containerId)
                .update();
    }

    void resetBackoff(String containerId) {
        jdbc.sql("UPDATE replicas SET backoff_millis = 0 WHERE container_id = :id").param("id", containerId).update();
    }

    void removeReplica(String containerId) {
        jdbc.sql("DELETE FROM replicas WHERE container_id = :id").param("id", containerId).update();
    }

    void recordRestart(UUID projectId, String containerId, Long exitCode, String reason, Instant now) {
        jdbc.sql("""
                INSERT INTO restarts (project_id, container_id, at, exit_code, reason)
                VALUES (:project, :id, :at, :exit, :reason)""")
                .param("project", projectId).param("id", containerId).param("at", Timestamp.from(now))
                .param("exit", exitCode).param("reason", reason)
                .update();
    }

    /** The exit codes of the project's restarts since {@code since}, oldest first ({@code -1} for none). */
    List<Long> restartsSince(UUID projectId, Instant since) {
        return jdbc.sql("""
                SELECT COALESCE(exit_code, -1) FROM restarts WHERE project_id = :project AND at >= :since
                ORDER BY at, id""")
                .param("project", projectId).param("since", Timestamp.from(since))
                .query(Long.class).list();
    }

    void forgetRestarts(UUID projectId) {
        jdbc.sql("DELETE FROM restarts WHERE project_id = :project").param("project", projectId).update();
    }

    static AppRecord app(ResultSet rs, int row) throws SQLException {
        return new AppRecord(rs.getObject("project_id", UUID.class), rs.getObject("owner_id", UUID.class),
                rs.getString("slug"), AppRecord.Desired.valueOf(rs.getString("desired")),
                AppState.valueOf(rs.getString("state")), rs.getInt("instances"),
                (Integer) rs.getObject("memory_mb"), (Integer) rs.getObject("cpu_millis"),
                rs.getString("health_path"), rs.getString("health_check"), instant(rs, "restart_requested_at"),
                rs.getString("state_reason"), instant(rs, "updated_at"));
    }

    private static ReplicaRecord replica(ResultSet rs, int row) throws SQLException {
        return new ReplicaRecord(rs.getString("container_id"), rs.getObject("deployment_id", UUID.class),
                rs.getObject("project_id", UUID.class), rs.getInt("instance"), rs.getInt("generation"),
                rs.getString("name"), rs.getString("ip"), rs.getInt("host_port"),
                ReplicaRecord.Status.valueOf(rs.getString("status")), rs.getInt("probe_failures"),
                instant(rs, "next_probe_at"), instant(rs, "next_start_at"), instant(rs, "healthy_since"),
                rs.getLong("backoff_millis"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
