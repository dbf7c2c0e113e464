package dev.paas.billing.metering;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What each hour metered per resource ({@code metered_hours}, one row per resource and hour, written in the same
 * transaction as its charge): the basis of the usage read.
 */
@Component
public class MeteredHours {

    private final JdbcTemplate jdbc;

    MeteredHours(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the hour; {@code false} when it was recorded before (and so charged before). */
    boolean record(MeteredResource resource, Instant hour, BigDecimal rate, BigDecimal amount, String planName) {
        return jdbc.update("""
                insert into metered_hours (kind, resource_id, hour_start, owner_id, name, instances, rate, amount,
                    plan_name)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", resource.kind(), resource.resourceId(),
                Timestamp.from(hour), resource.ownerId(), resource.name(), resource.instances(), rate, amount,
                planName) == 1;
    }

    /**
     * The owner's usage per resource over the hours starting in {@code [from, to)}.
     *
     * @return one line per resource, by kind and id
     */
    public List<ResourceUsage> of(UUID ownerId, Instant from, Instant to) {
        return jdbc.query("""
                select kind, resource_id, max(name) as name, count(*) as hours, sum(instances) as instance_hours,
                    max(instances) as max_instances, sum(amount) as amount, min(hour_start) as first_hour,
                    max(hour_start) as last_hour
                from metered_hours where owner_id = ? and hour_start >= ? and hour_start < ?
                group by kind, resource_id order by kind, resource_id""",
                (rs, n) -> new ResourceUsage(rs.getString("kind"), rs.getObject("resource_id", UUID.class),
                        rs.getString("name"), rs.getLong("hours"), rs.getLong("instance_hours"),
                        rs.getInt("max_instances"), rs.getBigDecimal("amount").setScale(4),
                        rs.getTimestamp("first_hour").toInstant(), rs.getTimestamp("last_hour").toInstant()),
                ownerId, Timestamp.from(from), Timestamp.from(to));
    }

    /**
     * One resource's usage over a period.
     *
     * @param kind {@code app} (its id is the project's) or {@code database}
     * @param hours hours it was charged for
     * @param instanceHours the sum over those hours of the instances charged
     * @param maxInstances the most instances charged in one hour
     * @param amount what was charged in all (positive)
     */
    public record ResourceUsage(String kind, UUID resourceId, String name, long hours, long instanceHours,
            int maxInstances, BigDecimal amount, Instant firstHour, Instant lastHour) {
    }
}
