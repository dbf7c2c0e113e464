package dev.paas.metrics.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alert lifecycle: an alert opens once per key, is updated while its condition persists and resolves by itself
 * when the condition clears. Each opening and resolution publishes {@link AlertEvents} inside the same transaction.
 * An alert that resolved less than the flap window ago re-opens (same id, one more opening) rather than a new one.
 */
@Service
public class Alerts {

    /** Which alerts a listing shows. */
    public enum StateFilter { OPEN, RESOLVED, ALL }

    private final AlertStore store;
    private final ApplicationEventPublisher events;
    private final AlertsProperties properties;

    Alerts(AlertStore store, ApplicationEventPublisher events, AlertsProperties properties) {
        this.store = store;
        this.events = events;
        this.properties = properties;
    }

    /** Opens the alert of {@code spec.key()}, or updates it when it is open already; a replay changes nothing new. */
    @Transactional
    void raise(AlertSpec spec) {
        touchOrOpen(spec, true);
    }

    /**
     * Updates the open alert of {@code spec.key()}; when none is open, opens one only if {@code mayOpen} (the
     * condition has held long enough).
     *
     * @return whether an alert of the key is open now
     */
    @Transactional
    boolean touchOrOpen(AlertSpec spec, boolean mayOpen) {
        store.lock(spec.key());
        Optional<Alert> open = store.open(spec.key());
        if (open.isPresent()) {
            store.touch(open.get().id(), spec);
            return true;
        }
        if (!mayOpen) {
            return false;
        }
        Alert opened = store.resolvedSince(spec.key(), spec.at().minus(properties.flapWindow()))
                .map(recent -> store.reopen(recent.id(), spec))
                .orElseGet(() -> store.insert(UUID.randomUUID(), spec));
        events.publishEvent(new AlertEvents.Raised(opened.id(), opened.openings(), opened.ownerId(), opened.kind(),
                opened.severity(), opened.projectId(), opened.databaseId(), opened.message(), spec.at()));
        return true;
    }

    /** Resolves the open alert of {@code key}, if there is one. */
    @Transactional
    public void resolve(String key, String reason, Instant at) {
        store.lock(key);
        store.open(key).ifPresent(open -> {
            Alert resolved = store.resolve(open.id(), reason, at);
            events.publishEvent(new AlertEvents.Resolved(resolved.id(), resolved.openings(), resolved.ownerId(),
                    resolved.kind(), resolved.severity(), resolved.projectId(), resolved.databaseId(), reason, at));
        });
    }

    /** The caller's alerts, newest first. */
    public List<Alert> of(UUID ownerId, StateFilter state, Instant before, int limit) {
        return store.list(ownerId, false, state.name(), before, limit);
    }

    /** Everybody's alerts and the platform's, newest first. */
    public List<Alert> ofEveryone(StateFilter state, Instant before, int limit) {
        return store.list(null, true, state.name(), before, limit);
    }

    /** One of the caller's alerts (an administrator sees every alert). */
    public Optional<Alert> find(UUID id, UUID callerId, boolean admin) {
        return store.find(id).filter(alert -> admin || callerId.equals(alert.ownerId()));
    }

    /** Forgets alerts resolved longer ago than the retention; returns how many. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    public int forgetOldResolved() {
        return store.deleteResolvedBefore(Instant.now().minus(properties.retention()));
    }

    /** How many alerts are open now. */
    public long openCount() {
        return store.countOpen();
    }

    List<String> openContainerKeysExcept(List<String> present, Instant passAt) {
        return store.openContainerKeysExcept(present, passAt);
    }

    List<String> openKeysWithPrefix(String prefix) {
        return store.openKeysWithPrefix(prefix);
    }
}
