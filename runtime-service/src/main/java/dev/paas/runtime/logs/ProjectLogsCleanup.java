package dev.paas.runtime.logs;

import dev.paas.runtime.projects.ProjectRemoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Forgets a deleted project's stored lines and cursors, in the transaction that removes the project. */
@Component
class ProjectLogsCleanup {

    private final StoredLogs stored;
    private final LogCursors cursors;

    ProjectLogsCleanup(StoredLogs stored, LogCursors cursors) {
        this.stored = stored;
        this.cursors = cursors;
    }

    @EventListener
    void on(ProjectRemoved removed) {
        stored.deleteProject(removed.projectId());
        cursors.deleteProject(removed.projectId());
    }
}
