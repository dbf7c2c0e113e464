package dev.paas.billing.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Every plan, with the price each applied at from which hour ({@code plan_rates}). */
@Repository
class Plans {

    private static final TypeReference<Map<String, Integer>> PER_TYPE = new TypeReference<>() { };
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() { };
    private static final String COLUMNS = """
            id, name, cpu_millis, memory_mb, disk_mb, max_instances, max_apps, max_databases_per_type,
            database_disk_mb, allowed_runtimes, monthly_price, hourly_rate, status, created_at, updated_at, version""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    Plans(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Plan> all() {
        return jdbc.query("select " + COLUMNS + " from plans order by hourly_rate, name", this::plan);
    }

    List<Plan> active() {
        return jdbc.query("select " + COLUMNS + " from plans where status = 'ACTIVE' order by hourly_rate, name",
                this::plan);
    }

    Optional<Plan> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from plans where id = ?", this::plan, id).stream().findFirst();
    }

    Optional<Plan> findByName(String name) {
        return jdbc.query("select " + COLUMNS + " from plans where name = ?", this::plan, name).stream().findFirst();
    }

    /** The plan, locked until the transaction ends, so two revisions of it never interleave. */
    Optional<Plan> lock(UUID id) {
        return jdbc.query("select " + COLUMNS + " from plans where id = ? for update", this::plan, id).stream()
                .findFirst();
    }

    /**
     * The plan, read under a share lock: a revision under way finishes first, so what is read is what the revision
     * left, and the revision's list of accounts to tell cannot miss a reader's account.
     */
    Optional<Plan> share(UUID id) {
        return jdbc.query("select " + COLUMNS + " from plans where id = ? for share", this::plan, id).stream()
                .findFirst();
    }

    void insert(Plan plan) {
        PlanLimits l = plan.limits();
        jdbc.update("insert into plans (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?,"
                + " ?, ?, 0)", plan.id(), plan.name(), l.cpuMillis(), l.memoryMb(), l.diskMb(), l.maxInstances(),
                l.maxApps(), json.writeValueAsString(l.maxDatabasesPerType()), l.databaseDiskMb(),
                json.writeValueAsString(l.allowedRuntimes()), plan.price().monthly(), plan.price().hourly(),
                plan.status().name(), Timestamp.from(plan.createdAt()), Timestamp.from(plan.updatedAt()));
    }

    void update(Plan plan) {
        PlanLimits l = plan.limits();
        int updated = jdbc.update("""
                update plans set name = ?, cpu_millis = ?, memory_mb = ?, disk_mb = ?, max_instances = ?, max_apps = ?,
                max_databases_per_type = ?::jsonb, database_disk_mb = ?, allowed_runtimes = ?::jsonb,
                monthly_price = ?, hourly_rate = ?, status = ?, updated_at = ?, version = version + 1
                where id = ? and version = ?""", plan.name(), l.cpuMillis(), l.memoryMb(), l.diskMb(),
                l.maxInstances(), l.maxApps(), json.writeValueAsString(l.maxDatabasesPerType()), l.databaseDiskMb(),
                json.writeValueAsString(l.allowedRuntimes()), plan.price().monthly(), plan.price().hourly(),
                plan.status().name(), Timestamp.from(plan.updatedAt()), plan.id(), plan.version());
        if (updated != 1) {
            throw new OptimisticLockingFailureException("plan " + plan.id() + " changed meanwhile");
        }
    }

    void delete(UUID id) {
        jdbc.update("delete from plans where id = ?", id);
    }

    /** Records that {@code price} applies from {@code from} on, replacing a price already due then. */
    void priceFrom(UUID planId, Instant from, PlanPrice price) {
        jdbc.update("""
                insert into plan_rates (plan_id, effective_from, monthly_price, hourly_rate) values (?, ?, ?, ?)
                on conflict (plan_id, effective_from)
                do update set monthly_price = excluded.monthly_price, hourly_rate = excluded.hourly_rate""",
                planId, Timestamp.from(from), price.monthly(), price.hourly());
    }

    String toJson(Plan plan) {
        return json.writeValueAsString(Map.of("id", plan.id(), "name", plan.name(), "limits", plan.limits(),
                "monthlyPrice", plan.price().monthly().toPlainString(), "hourlyRate",
                plan.price().hourly().toPlainString(), "status", plan.status().name()));
    }

    private Plan plan(ResultSet rs, int row) throws SQLException {
        PlanLimits limits = new PlanLimits(rs.getInt("cpu_millis"), rs.getInt("memory_mb"), rs.getInt("disk_mb"),
                rs.getInt("max_instances"), rs.getInt("max_apps"),
                json.readValue(rs.getString("max_databases_per_type"), PER_TYPE), rs.getInt("database_disk_mb"),
                json.readValue(rs.getString("allowed_runtimes"), NAMES));
        return new Plan(rs.getObject("id", UUID.class), rs.getString("name"), limits,
                new PlanPrice(rs.getBigDecimal("monthly_price"), rs.getBigDecimal("hourly_rate")),
                PlanStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }
}
