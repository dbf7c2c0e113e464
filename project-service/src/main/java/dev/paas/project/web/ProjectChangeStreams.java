package dev.paas.project.web;

import dev.paas.project.deployments.Deployment;
import dev.paas.project.deployments.DeploymentService;
import dev.paas.project.live.ChangesMissed;
import dev.paas.project.live.ProjectChanged;
import dev.paas.project.projects.Project;
import dev.paas.project.projects.ProjectRegistration;
import dev.paas.problems.NotFound;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open live streams ({@code GET /api/v1/projects/changes}), by user. Each {@link ProjectChanged} of this replica
 * is sent to the streams of the project's owner only, as the project ({@code event: project}, the same JSON as
 * {@code GET /api/v1/projects/{id}}), the deployment ({@code event: deployment}) or a deletion
 * ({@code event: project-deleted}, {@code {"id": ...}}); {@link ChangesMissed} sends {@code event: resync} to all.
 * A comment every 15 s keeps idle streams open through proxies.
 */
@Component
class ProjectChangeStreams implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(ProjectChangeStreams.class);
    static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final Map<UUID, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final ProjectRegistration registration;
    private final DeploymentService deployments;
    private final ProjectViews views;
    private ScheduledExecutorService heartbeats;

    ProjectChangeStreams(ProjectRegistration registration, DeploymentService deployments, ProjectViews views) {
        this.registration = registration;
        this.deployments = deployments;
        this.views = views;
    }

    /** A new stream for {@code userId}; it ends after {@link #LIFETIME}, and clients reconnect (after 2 s). */
    SseEmitter open(UUID userId) {
        SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
        Set<SseEmitter> own = streams.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet());
        own.add(emitter);
        Runnable forget = () -> forget(userId, emitter);
        emitter.onCompletion(forget);
        emitter.onTimeout(forget);
        emitter.onError(error -> forget.run());
        send(userId, emitter, SseEmitter.event().reconnectTime(2000).comment("changes of your projects"));
        return emitter;
    }

    int openStreams() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    @EventListener
    void on(ProjectChanged change) {
        if (change.deleted()) {
            if (change.ownerId() != null && streams.containsKey(change.ownerId())) {
                sendAll(change.ownerId(), SseEmitter.event().name("project-deleted")
                        .data(Map.of("id", change.projectId()), MediaType.APPLICATION_JSON));
            }
            return;
        }
        if (change.ownerId() != null && !streams.containsKey(change.ownerId())) {
            return;
        }
        Optional<Project> project = registration.find(change.projectId())
                .filter(p -> change.ownerId() == null || change.ownerId().equals(p.ownerId()));
        UUID owner = project.map(Project::ownerId).orElse(null);
        if (owner == null || !streams.containsKey(owner)) {
            return;
        }
        sendAll(owner, SseEmitter.event().name("project").data(views.of(project.get()), MediaType.APPLICATION_JSON));
        if (change.deploymentId() != null) {
            deployment(change.deploymentId(), owner).ifPresent(deployment -> sendAll(owner, SseEmitter.event()
                    .name("deployment").data(views.of(deployment), MediaType.APPLICATION_JSON)));
        }
    }

    @EventListener
    void on(ChangesMissed missed) {
        streams.keySet().forEach(owner -> sendAll(owner, SseEmitter.event().name("resync").data(Map.of(),
                MediaType.APPLICATION_JSON)));
    }

    private Optional<Deployment> deployment(UUID id, UUID owner) {
        try {
            return Optional.of(deployments.get(id, owner));
        } catch (NotFound gone) {
            return Optional.empty();
        }
    }

    private void sendAll(UUID owner, SseEmitter.SseEventBuilder event) {
        Set<SseEmitter> own = streams.get(owner);
        if (own != null) {
            own.forEach(emitter -> send(owner, emitter, event));
        }
    }

    private void send(UUID owner, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            // the client went away: the stream is done
            forget(owner, emitter);
            emitter.completeWithError(e);
        }
    }

    private void forget(UUID owner, SseEmitter emitter) {
        streams.computeIfPresent(owner, (id, own) -> {
            own.remove(emitter);
            return own.isEmpty() ? null : own;
        });
    }

    @Override
    public synchronized void start() {
        heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "project-changes-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeats.scheduleAtFixedRate(() -> streams.forEach((owner, own) -> own.forEach(emitter -> send(owner,
                emitter, SseEmitter.event().comment("keep-alive")))), HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (heartbeats != null) {
            heartbeats.shutdownNow();
            heartbeats = null;
        }
        streams.values().forEach(own -> own.forEach(SseEmitter::complete));
        streams.clear();
        log.debug("closed the live project streams");
    }

    @Override
    public boolean isRunning() {
        return heartbeats != null;
    }
}
