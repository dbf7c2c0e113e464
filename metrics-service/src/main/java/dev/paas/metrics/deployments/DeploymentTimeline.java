package dev.paas.metrics.deployments;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The milestones of every deployment (build started, image built, healthy, failed...), and what follows from
 * them: counts per outcome and the time from build start to a live app. A deployment belongs to the owner its
 * build and container facts name; users only ever see their own.
 */
@Service
public class DeploymentTimeline {

    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;

    DeploymentTimeline(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.meters = meters;
    }

    /** Records that {@code milestone} happened to a deployment at {@code at}; {@code ownerId} may be unknown. */
    public void record(UUID deploymentId, UUID projectId, UUID ownerId, Milestone milestone, Instant at) {
        jdbc.update("""
                insert into deployment_milestones (deployment_id, project_id, owner_id, milestone, occurred_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""",
                deploymentId, projectId, ownerId, milestone.name(), Timestamp.from(at));
        meters.counter("paas.deployment.milestones", "milestone", milestone.name().toLowerCase()).increment();
        if (milestone == Milestone.HEALTHY) {
            timeToLive(deploymentId).ifPresent(duration ->
                    meters.timer("paas.deployment.time.to.live").record(duration));
        }
    }

    /** How many of {@code ownerId}'s deployments reached each milestone. */
    public List<MilestoneCount> counts(UUID ownerId) {
        return jdbc.query("""
                select milestone, count(*) as total from deployment_milestones
                where deployment_id in (select deployment_id from deployment_milestones where owner_id = ?)
                group by milestone order by milestone""",
                (rs, i) -> new MilestoneCount(Milestone.valueOf(rs.getString("milestone")), rs.getLong("total")),
                ownerId);
    }

    /** How many deployments of all users reached each milestone. */
    public List<MilestoneCount> countsOfEveryone() {
        return jdbc.query("""
                select milestone, count(*) as total from deployment_milestones group by milestone order by milestone""",
                (rs, i) -> new MilestoneCount(Milestone.valueOf(rs.getString("milestone")), rs.getLong("total")));
    }

    /** Build start to healthy of one of {@code ownerId}'s deployments, if both milestones were seen. */
    public Optional<Duration> timeToLive(UUID deploymentId, UUID ownerId) {
        Boolean owned = jdbc.queryForObject("""
                select exists (select 1 from deployment_milestones where deployment_id = ? and owner_id = ?)""",
                Boolean.class, deploymentId, ownerId);
        return Boolean.TRUE.equals(owned) ? timeToLive(deploymentId) : Optional.empty();
    }

    private Optional<Duration> timeToLive(UUID deploymentId) {
        List<Duration> durations = jdbc.query("""
                select extract(epoch from healthy.occurred_at - started.occurred_at) * 1000 as millis
                from deployment_milestones started join deployment_milestones healthy using (deployment_id)
                where deployment_id = ? and started.milestone = 'BUILD_STARTED' and healthy.milestone = 'HEALTHY'""",
                (rs, i) -> Duration.ofMillis(rs.getLong("millis")), deploymentId);
        return durations.stream().findFirst();
    }

    /** A milestone and how many deployments reached it. */
    public record MilestoneCount(Milestone milestone, long deployments) {
    }
}
