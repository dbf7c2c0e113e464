package dev.paas.metrics.containers;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The stack each deployment's image was built with, for the admin's container list. */
@Repository
public class DeploymentStacks {

    private final JdbcTemplate jdbc;

    DeploymentStacks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A deployment's image was built with {@code stack}; a replay changes nothing. */
    @Transactional
    public void imageBuilt(UUID deploymentId, String stack) {
        if (stack == null || stack.isBlank()) {
            return;
        }
        jdbc.update("""
                insert into deployment_stacks (deployment_id, stack) values (?, ?)
                on conflict (deployment_id) do update set stack = excluded.stack""",
                deploymentId, stack.length() > 40 ? stack.substring(0, 40) : stack);
    }

    /** The deployment's stack, when its image was built after metrics-service started listening. */
    public Optional<String> stackOf(UUID deploymentId) {
        List<String> stacks = jdbc.queryForList("select stack from deployment_stacks where deployment_id = ?",
                String.class, deploymentId);
        return stacks.stream().findFirst();
    }
}
