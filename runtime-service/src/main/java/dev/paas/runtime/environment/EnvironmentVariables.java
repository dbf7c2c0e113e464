package dev.paas.runtime.environment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The sealed rows of {@code environment_variables}; reached only through {@link ProjectEnvironment}. */
@Repository
class EnvironmentVariables {

    private static final RowMapper<Row> ROW = (row, number) -> new Row(row.getObject("project_id", UUID.class),
            row.getString("name"), row.getString("sealed_value"), row.getString("key_id"),
            row.getTimestamp("updated_at").toInstant());

    private final JdbcTemplate jdbc;

    EnvironmentVariables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises the changes of one project's set until the transaction ends, so that limits checked against the
     * set still hold when it commits.
     */
    void lock(UUID projectId) {
        jdbc.query("select pg_advisory_xact_lock(?, ?)", rs -> null, 0x656e76,
                (int) (projectId.getMostSignificantBits() ^ projectId.getLeastSignificantBits()));
    }

    List<Row> of(UUID projectId) {
        return jdbc.query("select project_id, name, sealed_value, key_id, updated_at from environment_variables "
                + "where project_id = ?", ROW, projectId);
    }

    void put(UUID projectId, String name, EnvironmentKeys.Sealed sealed, Instant at) {
        jdbc.update("""
                insert into environment_variables (project_id, name, sealed_value, key_id, updated_at)
                values (?, ?, ?, ?, ?)
                on conflict (project_id, name) do update
                set sealed_value = excluded.sealed_value, key_id = excluded.key_id, updated_at = excluded.updated_at""",
                projectId, name, sealed.value(), sealed.keyId(), Timestamp.from(at));
    }

    boolean delete(UUID projectId, String name) {
        return jdbc.update("delete from environment_variables where project_id = ? and name = ?", projectId, name) == 1;
    }

    int deleteAll(UUID projectId) {
        return jdbc.update("delete from environment_variables where project_id = ?", projectId);
    }

    /** Up to {@code limit} rows sealed under one of {@code keyIds}, locked; rows another instance holds are skipped. */
    List<Row> sealedUnder(Set<String> keyIds, int limit) {
        if (keyIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select project_id, name, sealed_value, key_id, updated_at from environment_variables "
                + "where key_id = any (?) limit ? for update skip locked", ROW, keyIds.toArray(String[]::new), limit);
    }

    /** Replaces a row's sealed value without touching its {@code updated_at}: the variable did not change. */
    void reseal(Row row, EnvironmentKeys.Sealed sealed) {
        jdbc.update("update environment_variables set sealed_value = ?, key_id = ? where project_id = ? and name = ?",
                sealed.value(), sealed.keyId(), row.projectId(), row.name());
    }

    /** How many rows each key id seals. */
    Map<String, Long> countByKeyId() {
        return jdbc.query("select key_id, count(*) as n from environment_variables group by key_id",
                (row, number) -> Map.entry(row.getString("key_id"), row.getLong("n"))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    record Row(UUID projectId, String name, String sealedValue, String keyId, Instant updatedAt) {
    }
}
