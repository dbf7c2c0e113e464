package dev.paas.build.catalog;

import dev.paas.build.stack.RuntimeImage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The catalog's rows ({@code runtime_images}); (stack, version) is unique. */
final class RuntimeEntries {

    private static final String COLUMNS = "id, stack, version, build_image, run_image, created_at, updated_at";

    private final JdbcClient jdbc;

    RuntimeEntries(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    List<RuntimeEntry> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM runtime_images ORDER BY stack, version").query(RuntimeEntries::entry)
                .list();
    }

    List<RuntimeEntry> ofStack(String stack) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM runtime_images WHERE stack = ? ORDER BY version").param(stack)
                .query(RuntimeEntries::entry).list();
    }

    Optional<RuntimeEntry> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM runtime_images WHERE id = ?").param(id)
                .query(RuntimeEntries::entry).optional();
    }

    Optional<RuntimeEntry> find(String stack, String version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM runtime_images WHERE stack = ? AND version = ?")
                .params(stack, version).query(RuntimeEntries::entry).optional();
    }

    /**
     * Locks the stack's rows until the transaction ends and counts them, so that two deletions cannot both see
     * another entry left.
     */
    int lockStack(String stack) {
        return jdbc.sql("SELECT id FROM runtime_images WHERE stack = ? FOR UPDATE").param(stack).query(UUID.class)
                .list().size();
    }

    /** Locks the table against other writers until the transaction ends (seeding by replicas starting together). */
    void lockForSeeding() {
        jdbc.sql("LOCK TABLE runtime_images IN SHARE ROW EXCLUSIVE MODE").update();
    }

    boolean isEmpty() {
        return jdbc.sql("SELECT count(*) FROM runtime_images").query(Long.class).single() == 0;
    }

    void insert(UUID id, RuntimeImage image, Instant now) {
        jdbc.sql("""
                INSERT INTO runtime_images (id, stack, version, build_image, run_image, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, image.stack(), image.version(), image.buildImage(), image.runImage(),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    void update(UUID id, RuntimeImage image, Instant now) {
        jdbc.sql("""
                UPDATE runtime_images SET stack = ?, version = ?, build_image = ?, run_image = ?, updated_at = ?
                WHERE id = ?""")
                .params(image.stack(), image.version(), image.buildImage(), image.runImage(), Timestamp.from(now), id)
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM runtime_images WHERE id = ?").param(id).update();
    }

    private static RuntimeEntry entry(ResultSet row, int number) throws SQLException {
        return new RuntimeEntry(row.getObject("id", UUID.class), row.getString("stack"), row.getString("version"),
                row.getString("build_image"), row.getString("run_image"),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
    }
}
