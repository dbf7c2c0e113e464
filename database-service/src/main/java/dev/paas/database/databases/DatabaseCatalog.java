package dev.paas.database.databases;

import dev.paas.database.engine.DatabaseSpec;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle's {@link ManagedDatabases} for backups and restores: lookups, specs with the opened credentials, and
 * the hand-over of a running database to a restore ({@code RESTORING}), which the supervisor leaves alone.
 */
@Service
class DatabaseCatalog implements ManagedDatabases {

    private static final Pattern RESTORED_VOLUME = Pattern.compile(".*-r(\\d+)$");

    private final DatabaseStore store;
    private final DatabaseSecrets secrets;
    private final ApplicationEventPublisher events;

    DatabaseCatalog(DatabaseStore store, DatabaseSecrets secrets, ApplicationEventPublisher events) {
        this.store = store;
        this.secrets = secrets;
        this.events = events;
    }

    @Override
    public Optional<ManagedDatabase> find(UUID databaseId) {
        return store.find(databaseId).map(DatabaseRecord::managed);
    }

    @Override
    public Optional<ManagedDatabase> visibleTo(UUID databaseId, UUID callerId, boolean admin) {
        return store.find(databaseId).filter(db -> admin || db.ownerId().equals(callerId))
                .map(DatabaseRecord::managed);
    }

    @Override
    public List<ManagedDatabase> provisioned() {
        return store.inStates(EnumSet.of(DatabaseState.RUNNING, DatabaseState.STOPPED, DatabaseState.CRASH_LOOP,
                DatabaseState.RESTORING)).stream().map(DatabaseRecord::managed).toList();
    }

    @Override
    public DatabaseSpec spec(UUID databaseId) {
        DatabaseRecord db = store.find(databaseId)
                .orElseThrow(() -> new IllegalArgumentException("database " + databaseId + " does not exist"));
        return db.spec(secrets.open(db.id(), db.credentialsSealed()));
    }

    @Override
    @Transactional
    public boolean beginRestore(UUID databaseId, UUID actorId) {
        Optional<DatabaseRecord> db = store.lock(databaseId);
        if (db.isEmpty() || !store.transition(databaseId, EnumSet.of(DatabaseState.RUNNING), DatabaseState.RESTORING,
                null)) {
            return false;
        }
        changed(db.get(), DatabaseState.RESTORING, "a restore began", actorId);
        return true;
    }

    @Override
    @Transactional
    public void finishRestore(UUID databaseId, String newVolume) {
        DatabaseRecord db = store.lock(databaseId)
                .orElseThrow(() -> new IllegalArgumentException("database " + databaseId + " does not exist"));
        Matcher generation = RESTORED_VOLUME.matcher(newVolume);
        store.volume(databaseId, newVolume, generation.matches() ? Integer.parseInt(generation.group(1))
                : db.volumeGeneration());
        store.clearRestarts(databaseId);
        if (store.transition(databaseId, EnumSet.of(DatabaseState.RESTORING), DatabaseState.RUNNING, null)) {
            changed(db, DatabaseState.RUNNING, "restored", null);
        }
    }

    @Override
    @Transactional
    public void abortRestore(UUID databaseId) {
        store.lock(databaseId).ifPresent(db -> {
            if (store.transition(databaseId, EnumSet.of(DatabaseState.RESTORING), DatabaseState.RUNNING, null)) {
                changed(db, DatabaseState.RUNNING, "the restore failed; the data is unchanged", null);
            }
        });
    }

    private void changed(DatabaseRecord db, DatabaseState state, String reason, UUID actorId) {
        events.publishEvent(new DatabaseEvents.StateChanged(db.id(), db.ownerId(), db.type().id(), state.name(),
                reason, actorId));
    }
}
