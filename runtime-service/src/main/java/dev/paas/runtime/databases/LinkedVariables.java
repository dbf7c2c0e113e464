package dev.paas.runtime.databases;

import dev.paas.runtime.environment.ValueSealing;
import dev.paas.runtime.projects.KnownProjects;
import dev.paas.runtime.projects.ProjectRemoved;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The variables linked databases give a project ({@code DATABASE_URL}, …): received sealed under the link key,
 * kept sealed under the environment's key ring, and merged into what the project's containers start with on their
 * next deployment or restart. A re-link replaces the database's set; an unlink or the project's deletion removes it.
 */
@Service
public class LinkedVariables {

    private static final Logger log = LoggerFactory.getLogger(LinkedVariables.class);

    private final LinkedVariableRows rows;
    private final ValueSealing sealing;
    private final KnownProjects projects;
    private final DatabaseLinkKey linkKey;

    LinkedVariables(LinkedVariableRows rows, ValueSealing sealing, KnownProjects projects,
            @Value("${paas.runtime.database-link-key:}") String linkKey) {
        this.rows = rows;
        this.sealing = sealing;
        this.projects = projects;
        this.linkKey = DatabaseLinkKey.of(linkKey);
        if (!this.linkKey.configured()) {
            log.warn("{} is not set: linked databases' variables are rejected until it is", DatabaseLinkKey.SETTING);
        }
    }

    /**
     * Takes the variables of a link, replacing what the database gave the project before. {@link LinkRejected}
     * when they cannot be opened or read: then nothing changed. A deleted project gets nothing.
     */
    @Transactional
    public void linked(UUID projectId, UUID databaseId, String prefix, String sealedVariables) {
        Map<String, String> variables = linkKey.open(projectId, databaseId, sealedVariables);
        if (projects.removed(projectId)) {
            log.debug("database {} was linked to project {}, which is deleted: nothing kept", databaseId, projectId);
            return;
        }
        rows.lock(projectId);
        rows.delete(projectId, databaseId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        variables.forEach((name, value) -> {
            ValueSealing.Sealed sealed = sealing.seal(purpose(projectId, databaseId, name), value);
            rows.insert(new LinkedVariableRows.Row(projectId, databaseId, prefix, name, sealed.value(),
                    sealed.keyId(), now));
        });
        log.info("project {} gets {} variables of database {} (prefix {}) on its next deployment or restart",
                projectId, variables.size(), databaseId, prefix);
    }

    /** The database no longer gives the project anything; an unknown link changes nothing. */
    @Transactional
    public void unlinked(UUID projectId, UUID databaseId) {
        rows.lock(projectId);
        int removed = rows.delete(projectId, databaseId);
        if (removed > 0) {
            log.info("project {} loses the {} variables of database {} on its next deployment or restart", projectId,
                    removed, databaseId);
        }
    }

    /** Every linked variable of the project in clear text, ordered by name. */
    @Transactional(readOnly = true)
    public List<LinkedVariable> of(UUID projectId) {
        return rows.of(projectId).stream()
                .map(row -> new LinkedVariable(row.databaseId(), row.prefix(), row.name(),
                        sealing.open(purpose(projectId, row.databaseId(), row.name()), "the variable " + row.name()
                                + " database " + row.databaseId() + " gives project " + projectId, row.keyId(),
                                row.valueSealed()),
                        row.linkedAt()))
                .toList();
    }

    /**
     * The variables by name, for the containers. Two databases giving the same name (a project may not link two
     * with the same prefix) would be an error of database-service: the one linked last wins.
     */
    @Transactional(readOnly = true)
    public Map<String, String> variables(UUID projectId) {
        Map<String, String> variables = new LinkedHashMap<>();
        of(projectId).stream()
                .sorted(Comparator.comparing(LinkedVariable::linkedAt))
                .forEach(variable -> variables.put(variable.name(), variable.value()));
        return variables;
    }

    /** A deleted project's linked variables go with it, in the transaction that handles the deletion. */
    @EventListener
    public void on(ProjectRemoved removed) {
        rows.lock(removed.projectId());
        rows.deleteAll(removed.projectId());
    }

    private static String purpose(UUID projectId, UUID databaseId, String name) {
        return "linked-variable/" + projectId + "/" + databaseId + "/" + name;
    }
}
