package dev.paas.project.history;

import dev.paas.ids.UuidV7;
import dev.paas.problems.InvalidInput;
import dev.paas.project.projects.ProjectEvents;
import dev.paas.project.projects.ProjectRegistration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's history: what its deployments went through and what runtime-service did to and reported about its app.
 * Each fact is recorded once, in the transaction that applies it (the inbox drops a redelivered event, the
 * deployment aggregate registers a transition once), and the history is deleted with the project. Facts about a
 * project this service does not know (any more) are dropped. Environment changes name keys, never values.
 */
@Service
public class ProjectHistory {

    /** The most entries one page returns. */
    public static final int MAX_PAGE = 200;

    private static final Log log = LogFactory.getLog(ProjectHistory.class);
    private static final Instant END_OF_TIME = Instant.parse("9999-01-01T00:00:00Z");
    private static final UUID LOWEST = new UUID(0, 0);

    private final HistoryEntries entries;
    private final ProjectRegistration projects;

    ProjectHistory(HistoryEntries entries, ProjectRegistration projects) {
        this.entries = entries;
        this.projects = projects;
    }

    /**
     * The caller's project's newest {@code limit} (1 to {@link #MAX_PAGE}) entries, before {@code before} ({@code null}:
     * from the newest), newest first.
     *
     * @throws dev.paas.problems.NotFound for an unknown project or someone else's
     * @throws InvalidInput when {@code limit} is out of range or {@code before} names no entry of the project
     */
    public List<HistoryEntry> page(UUID projectId, UUID caller, Before before, int limit) {
        projects.get(projectId, caller);
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInput("limit", "must be from 1 to " + MAX_PAGE + ", was " + limit);
        }
        if (before == null) {
            return entries.before(projectId, END_OF_TIME, LOWEST, limit);
        }
        if (before.entry() != null) {
            Instant at = entries.atOf(projectId, before.entry()).orElseThrow(() -> new InvalidInput("before",
                    "names no event of this project: " + before.entry()));
            return entries.before(projectId, at, before.entry(), limit);
        }
        return entries.before(projectId, before.instant(), LOWEST, limit);
    }

    /** Records that runtime-service restarted replica {@code instance} of the app, {@code at}. */
    @Transactional
    public void containerRestarted(UUID projectId, UUID deploymentId, Instant at, int instance, String reason,
            Long exitCode, int restartCount, long delayMillis) {
        record(projectId, at, HistoryType.CONTAINER_RESTARTED, deploymentId, null,
                "instance " + instance + " restarted: " + reason + " (restart " + restartCount + ", next start in "
                        + delayMillis + " ms)",
                details("instance", instance, "reason", reason, "exitCode", exitCode, "restartCount", restartCount,
                        "delayMillis", delayMillis));
    }

    /** Records that runtime-service stopped the app {@code at} because it kept crashing. */
    @Transactional
    public void crashLoopDetected(UUID projectId, UUID deploymentId, Instant at, int restarts, long windowSeconds,
            List<Long> exitCodes, List<String> lastLogLines) {
        record(projectId, at, HistoryType.CRASH_LOOP_DETECTED, deploymentId, null,
                "crash loop: " + restarts + " restarts within " + windowSeconds + " s, exit codes " + exitCodes
                        + "; the app is stopped until it is started or redeployed",
                details("restarts", restarts, "windowSeconds", windowSeconds, "exitCodes", exitCodes,
                        "lastLogLines", lastLogLines));
    }

    /** Records that runtime-service put the app in {@code state} with {@code instances} replicas, {@code at}. */
    @Transactional
    public void appStateChanged(UUID projectId, Instant at, String state, int instances, String reason,
            UUID actorId) {
        record(projectId, at, HistoryType.APP_STATE_CHANGED, null, actorId,
                "app " + state + " with " + instances + (instances == 1 ? " instance" : " instances")
                        + (reason == null ? "" : ": " + reason),
                details("state", state, "instances", instances, "reason", reason));
    }

    /** Records that {@code actorId} changed the {@code keys} of the app's environment ({@code action}). */
    @Transactional
    public void environmentChanged(UUID projectId, Instant at, UUID actorId, String action, List<String> keys) {
        record(projectId, at, HistoryType.ENVIRONMENT_CHANGED, null, actorId,
                "environment " + action + ": " + String.join(", ", keys),
                details("action", action, "keys", keys));
    }

    /** Records that {@code domain} now routes to the app. */
    @Transactional
    public void domainAdded(UUID projectId, Instant at, UUID actorId, String domain) {
        record(projectId, at, HistoryType.DOMAIN_ADDED, null, actorId, "domain " + domain + " added",
                details("domain", domain));
    }

    /** Records that {@code domain} no longer routes to the app. */
    @Transactional
    public void domainRemoved(UUID projectId, Instant at, UUID actorId, String domain) {
        record(projectId, at, HistoryType.DOMAIN_REMOVED, null, actorId, "domain " + domain + " removed",
                details("domain", domain));
    }

    /** A project is being deleted: its history goes with it. */
    @EventListener
    void on(ProjectEvents.Deleted deleted) {
        entries.deleteAllOfProject(deleted.projectId());
    }

    void record(UUID projectId, Instant at, HistoryType type, UUID deploymentId, UUID actorId, String summary,
            Map<String, Object> details) {
        if (!projects.exists(projectId)) {
            log.info("not recording " + type + " of unknown project " + projectId);
            return;
        }
        entries.add(UuidV7.next(), projectId, at, type, deploymentId, actorId, summary, details);
    }

    /** Name-value pairs, in order; a {@code null} value is kept (as JSON {@code null}). */
    static Map<String, Object> details(Object... namesAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            details.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return details;
    }

    /**
     * Where a page of history ends: before the entry with id {@code entry}, or before {@code instant}; exactly one
     * of them is set.
     */
    public record Before(UUID entry, Instant instant) {

        /** Reads {@code value} as an entry id or an ISO-8601 instant. */
        public static Before parse(String value) {
            try {
                return new Before(UUID.fromString(value), null);
            } catch (IllegalArgumentException notAnId) {
                try {
                    return new Before(null, Instant.parse(value));
                } catch (java.time.format.DateTimeParseException notAnInstant) {
                    throw new InvalidInput("before", "must be an event id or an ISO-8601 instant such as "
                            + "2026-01-31T12:00:00Z, was '" + value + "'");
                }
            }
        }
    }
}
