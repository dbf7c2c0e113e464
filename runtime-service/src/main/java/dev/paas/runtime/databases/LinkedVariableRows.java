package dev.paas.runtime.databases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The sealed rows of {@code linked_variables}; reached only through {@link LinkedVariables}. */
@Repository
class LinkedVariableRows {

    private static final RowMapper<Row> ROW = (row, number) -> new Row(row.getObject("project_id", UUID.class),
            row.getObject("database_id", UUID.class), row.getString("prefix"), row.getString("name"),
            row.getString("value_sealed"), row.getString("key_id"), row.getTimestamp("linked_at").toInstant());

    private final JdbcTemplate jdbc;

    LinkedVariableRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> of(UUID projectId) {
        return jdbc.query("select project_id, database_id, prefix, name, value_sealed, key_id, linked_at "
                + "from linked_variables where project_id = ? order by name, database_id", ROW, projectId);
    }

    void insert(Row row) {
        jdbc.update("""
                insert into linked_variables (project_id, database_id, prefix, name, value_sealed, key_id, linked_at)
                values (?, ?, ?, ?, ?, ?, ?)""", row.projectId(), row.databaseId(), row.prefix(), row.name(),
                row.valueSealed(), row.keyId(), Timestamp.from(row.linkedAt()));
    }

    int delete(UUID projectId, UUID databaseId) {
        return jdbc.update("delete from linked_variables where project_id = ? and database_id = ?", projectId,
                databaseId);
    }

    int deleteAll(UUID projectId) {
        return jdbc.update("delete from linked_variables where project_id = ?", projectId);
    }

    /**
     * Serialises the changes of one project's links until the transaction ends, so that a re-link replacing a set
     * never interleaves with another change of it.
     */
    void lock(UUID projectId) {
        jdbc.query("select pg_advisory_xact_lock(?, ?)", rs -> null, 0x6c6e6b,
                (int) (projectId.getMostSignificantBits() ^ projectId.getLeastSignificantBits()));
    }

    record Row(UUID projectId, UUID databaseId, String prefix, String name, String valueSealed, String keyId,
            Instant linkedAt) {
    }
}
