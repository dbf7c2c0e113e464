package dev.paas.metrics.capacity;

import dev.paas.problems.InvalidInput;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admission threshold in force: the one an administrator stored (in PostgreSQL, so every replica and restart
 * agrees), else {@code paas.metrics.capacity.threshold-percent}. Every change is audited with its actor and time.
 */
class CapacityThreshold {

    private final JdbcTemplate jdbc;
    private final double defaultPercent;
    private final Clock clock;

    CapacityThreshold(JdbcTemplate jdbc, double defaultPercent, Clock clock) {
        this.jdbc = jdbc;
        this.defaultPercent = defaultPercent;
        this.clock = clock;
    }

    double current() {
        List<Double> stored = jdbc.queryForList("select percent from capacity_threshold where id = 1", Double.class);
        return stored.isEmpty() ? defaultPercent : stored.getFirst();
    }

    /**
     * Stores {@code percent} as the threshold and audits who changed it from what.
     *
     * @throws InvalidInput unless {@code percent} is between 1 and 100
     */
    @Transactional
    public double change(Double percent, UUID actor) {
        if (percent == null || percent.isNaN() || percent < 1 || percent > 100) {
            throw new InvalidInput("percent", "must be a number from 1 to 100");
        }
        double previous = current();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into capacity_threshold (id, percent, changed_by, changed_at) values (1, ?, ?, ?)
                on conflict (id) do update set percent = excluded.percent, changed_by = excluded.changed_by,
                    changed_at = excluded.changed_at""", percent, actor, now);
        jdbc.update("""
                insert into capacity_threshold_changes (id, percent, previous_percent, actor_id, changed_at)
                values (?, ?, ?, ?, ?)""", UUID.randomUUID(), percent, previous, actor, now);
        return percent;
    }
}
