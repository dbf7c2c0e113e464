package dev.paas.project.projects;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What runtime-service last reported about each project's app ({@code project_runtime}). Kept apart from the
 * {@link Project} aggregate: a report must neither conflict with nor be overwritten by a change of its settings.
 */
@Repository
class AppRuntimes {

    private final JdbcClient jdbc;

    AppRuntimes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AppRuntime> of(UUID projectId) {
        return jdbc.sql("select state, at, instances from project_runtime where project_id = ?")
                .param(projectId)
                .query((row, n) -> new AppRuntime(AppRuntime.State.valueOf(row.getString("state")),
                        row.getTimestamp("at").toInstant(), row.getInt("instances")))
                .optional();
    }

    /** Stores {@code runtime} for the project unless a newer report was stored meanwhile. */
    void save(UUID projectId, AppRuntime runtime) {
        jdbc.sql("""
                        insert into project_runtime (project_id, state, at, instances) values (?, ?, ?, ?)
                        on conflict (project_id) do update
                        set state = excluded.state, at = excluded.at, instances = excluded.instances
                        where project_runtime.at <= excluded.at""")
                .params(projectId, runtime.state().name(), Timestamp.from(runtime.at()), runtime.instances())
                .update();
    }

    void delete(UUID projectId) {
        jdbc.sql("delete from project_runtime where project_id = ?").param(projectId).update();
    }
}
