package dev.paas.runtime.environment;

import dev.paas.problems.NotFound;
import dev.paas.runtime.projects.KnownProject;
import dev.paas.runtime.projects.KnownProjects;
import dev.paas.runtime.projects.ProjectRemoved;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's environment variables: what its containers start with, and what its owner manages through the API.
 * Values are sealed at rest under {@link EnvironmentKeys}; every change is one transaction that also publishes
 * {@link EnvironmentEvents.Changed} (keys only). Someone else's project is answered like an unknown one.
 */
@Service
public class ProjectEnvironment {

    private final EnvironmentVariables rows;
    private final EnvironmentKeys keys;
    private final KnownProjects projects;
    private final ApplicationEventPublisher events;

    ProjectEnvironment(EnvironmentVariables rows, EnvironmentKeys keys, KnownProjects projects,
            ApplicationEventPublisher events) {
        this.rows = rows;
        this.keys = keys;
        this.projects = projects;
        this.events = events;
    }

    /** The project's variables in clear text, ordered by key: what its containers are started with. */
    @Transactional(readOnly = true)
    public Map<String, String> variables(UUID projectId) {
        Map<String, String> variables = new LinkedHashMap<>();
        opened(projectId).forEach(variable -> variables.put(variable.key(), variable.value()));
        return variables;
    }

    /** The variables of the caller's project, ordered by key. */
    @Transactional(readOnly = true)
    public List<Variable> list(UUID projectId, UUID userId) {
        owned(projectId, userId);
        return opened(projectId);
    }

    /** Replaces the whole set with {@code variables}; a set breaking a rule changes nothing. */
    @Transactional
    public List<Variable> replace(UUID projectId, UUID userId, Map<String, String> variables) {
        KnownProject project = owned(projectId, userId);
        if (variables == null) {
            throw new InvalidVariables("variables", "must be an object of keys and values");
        }
        variables.forEach((key, value) -> EnvironmentRules.checkVariable("variables", key, value));
        return replaced(project, userId, variables);
    }

    /** Replaces the whole set with the variables of a {@code .env} text; a parse error changes nothing. */
    @Transactional
    public List<Variable> replaceFromDotEnv(UUID projectId, UUID userId, String dotEnv) {
        KnownProject project = owned(projectId, userId);
        return replaced(project, userId, DotEnv.parse(dotEnv));
    }

    /** Sets one variable, adding or changing it. */
    @Transactional
    public Variable set(UUID projectId, UUID userId, String key, String value) {
        KnownProject project = owned(projectId, userId);
        EnvironmentRules.checkKey("path", key);
        EnvironmentRules.checkValue("body", key, value);
        rows.lock(projectId);
        Map<String, Variable> current = byKey(opened(projectId));
        Variable existing = current.get(key);
        if (existing != null && existing.value().equals(value)) {
            return existing;
        }
        Map<String, String> after = values(current);
        after.put(key, value);
        EnvironmentRules.checkSet(after);
        Instant now = now();
        rows.put(projectId, key, keys.seal(projectId, key, value), now);
        changed(project, userId, EnvironmentEvents.Action.SET, List.of(key));
        return new Variable(key, value, now);
    }

    /** Removes one variable; a key the project does not have is not found. */
    @Transactional
    public void delete(UUID projectId, UUID userId, String key) {
        KnownProject project = owned(projectId, userId);
        rows.lock(projectId);
        if (!rows.delete(projectId, key)) {
            throw new NotFound("environment variable", key);
        }
        changed(project, userId, EnvironmentEvents.Action.DELETED, List.of(key));
    }

    /** A deleted project's variables go with it, in the transaction that handles the deletion. */
    @EventListener
    public void on(ProjectRemoved removed) {
        rows.lock(removed.projectId());
        rows.deleteAll(removed.projectId());
    }

    private List<Variable> replaced(KnownProject project, UUID userId, Map<String, String> variables) {
        EnvironmentRules.checkSet(variables);
        UUID projectId = project.projectId();
        rows.lock(projectId);
        Map<String, Variable> current = byKey(opened(projectId));
        SortedSet<String> touched = new TreeSet<>();
        for (String key : current.keySet()) {
            if (!variables.containsKey(key)) {
                rows.delete(projectId, key);
                touched.add(key);
            }
        }
        Instant now = now();
        variables.forEach((key, value) -> {
            Variable existing = current.get(key);
            if (existing == null || !existing.value().equals(value)) {
                rows.put(projectId, key, keys.seal(projectId, key, value), now);
                touched.add(key);
            }
        });
        if (!touched.isEmpty()) {
            changed(project, userId, EnvironmentEvents.Action.REPLACED, List.copyOf(touched));
        }
        return opened(projectId);
    }

    private void changed(KnownProject project, UUID actorId, EnvironmentEvents.Action action, List<String> keys) {
        events.publishEvent(new EnvironmentEvents.Changed(project.projectId(), project.ownerId(), actorId, action,
                keys));
    }

    private KnownProject owned(UUID projectId, UUID userId) {
        return projects.owned(projectId, userId).orElseThrow(() -> new NotFound("project", projectId));
    }

    private List<Variable> opened(UUID projectId) {
        return rows.of(projectId).stream()
                .map(row -> new Variable(row.name(), keys.open(projectId, row.name(), row.keyId(), row.sealedValue()),
                        row.updatedAt()))
                .sorted(Comparator.comparing(Variable::key))
                .toList();
    }

    private static Map<String, Variable> byKey(List<Variable> variables) {
        Map<String, Variable> byKey = new TreeMap<>();
        variables.forEach(variable -> byKey.put(variable.key(), variable));
        return byKey;
    }

    private static Map<String, String> values(Map<String, Variable> variables) {
        Map<String, String> values = new LinkedHashMap<>();
        variables.forEach((key, variable) -> values.put(key, Objects.requireNonNull(variable.value())));
        return values;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * One variable in clear text.
     *
     * @param key its name
     * @param value its value
     * @param updatedAt when it was last set
     */
    public record Variable(String key, String value, Instant updatedAt) {

        /** Without the value, which must never reach a log. */
        @Override
        public String toString() {
            return "Variable[key=" + key + ", updatedAt=" + updatedAt + "]";
        }
    }
}
