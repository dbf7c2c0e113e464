package dev.paas.project.pushes;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every GitHub push delivery project-service has handled, keyed by GitHub's delivery id, with what came of it. The
 * inbox already drops a redelivered event; this catches the same delivery published twice under two event ids.
 */
@Repository
class PushDeliveries {

    private final JdbcClient jdbc;

    PushDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the delivery in the current transaction; false when it was handled before. A concurrent claim of the
     * same delivery waits on the row and then finds it taken.
     */
    boolean claim(String deliveryId, UUID projectId, String branch, String commitSha) {
        return jdbc.sql("""
                        insert into push_deliveries (delivery_id, project_id, branch, commit_sha, outcome)
                        values (?, ?, ?, ?, 'received') on conflict do nothing""")
                .params(deliveryId, projectId, branch, commitSha)
                .update() == 1;
    }

    void settle(String deliveryId, PushOutcome outcome, UUID deploymentId) {
        jdbc.sql("update push_deliveries set outcome = ?, deployment_id = ? where delivery_id = ?")
                .params(outcome.label(), deploymentId, deliveryId)
                .update();
    }

    int deleteAllOfProject(UUID projectId) {
        return jdbc.sql("delete from push_deliveries where project_id = ?").param(projectId).update();
    }
}
