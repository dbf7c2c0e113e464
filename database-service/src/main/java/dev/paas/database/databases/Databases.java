package dev.paas.database.databases;

import dev.paas.database.accounts.Accounts;
import dev.paas.database.engine.ConnectionInfo;
import dev.paas.database.engine.Credentials;
import dev.paas.database.engine.DatabaseEngines;
import dev.paas.database.engine.DatabaseSpec;
import dev.paas.database.engine.DatabaseType;
import dev.paas.database.projects.KnownProjects;
import dev.paas.problems.Conflict;
import dev.paas.problems.InvalidInput;
import dev.paas.problems.NotFound;
import dev.paas.problems.PaymentRequired;
import dev.paas.problems.QuotaExceeded;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The owner's operations on managed databases: create (provisioned by {@link Provisioner}), view, stop, start,
 * delete, and the links that give a project its variables. Another owner's database is answered like an unknown one.
 */
@Service
public class Databases {

    private static final Logger log = LoggerFactory.getLogger(Databases.class);

    /** The reason of a database its account's suspension stopped. */
    static final String SUSPENDED_REASON = "suspended: its account's balance is due";

    private final DatabaseStore store;
    private final DatabaseSecrets secrets;
    private final DatabaseEngines engines;
    private final KnownProjects projects;
    private final DatabasesProperties properties;
    private final ObjectProvider<LastBackups> lastBackups;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AccountHolds holds;
    private final Accounts accounts;

    Databases(DatabaseStore store, DatabaseSecrets secrets, DatabaseEngines engines, KnownProjects projects,
            DatabasesProperties properties, ObjectProvider<LastBackups> lastBackups, ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager, AccountHolds holds, Accounts accounts) {
        this.holds = holds;
        this.accounts = accounts;
        this.store = store;
        this.secrets = secrets;
        this.engines = engines;
        this.projects = projects;
        this.properties = properties;
        this.lastBackups = lastBackups;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = Clock.systemUTC();
    }

    /**
     * Stores a new database as {@code PROVISIONING}, with fresh credentials sealed at rest. The owner's plan (billing's
     * limits, else {@code paas.databases.plan.*}) bounds how many of its type it may have and gives its disk quota; a
     * suspended account creates none. Checked under the owner's lock, so two creations cannot both pass.
     */
    public DatabaseView create(NewDatabase request, UUID ownerId) {
        if (request == null) {
            throw new InvalidInput("type", "is required: the request body must name a type and a name");
        }
        DatabaseType type = DatabaseRules.type(request.type());
        String name = DatabaseRules.name(request.name());
        String version = DatabaseRules.version(request.version(), type, engines.versions(type));
        String image = engines.resolve(type, version);
        DatabasesProperties.Plan resources = properties.plan();
        UUID id = UUID.randomUUID();
        Credentials credentials = secrets.generate(type);
        String sealed = secrets.seal(id, credentials);
        DatabaseRecord db;
        try {
            db = transactions.execute(status -> {
                store.lockOwner(ownerId);
                if (accounts.suspended(ownerId)) {
                    throw new PaymentRequired("cannot create database " + name + ": your account is suspended (its "
                            + "balance is due); top up to create databases again");
                }
                OwnerPlan plan = planOf(ownerId, type);
                int existing = store.countOfType(ownerId, type);
                if (existing >= plan.maxOfType()) {
                    throw new QuotaExceeded("maxDatabasesPerType", plan.name(), plan.maxOfType(),
                            plan.refusal(type, existing));
                }
                if (store.nameTaken(ownerId, name)) {
                    throw nameTaken(name);
                }
                DatabaseRecord created = new DatabaseRecord(id, ownerId, name, type, version, image,
                        DatabaseState.PROVISIONING, null, DatabaseSpec.containerNameOf(id),
                        DatabaseSpec.firstVolumeOf(id), 0, sealed, resources.memory().toBytes(), resources.nanoCpus(),
                        plan.diskQuotaBytes(), Boolean.TRUE.equals(request.externalAccess()), 0, false, null,
                        clock.instant());
                store.insert(created);
                return created;
            });
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
        log.info("Database {} ({} {}, image {}) of {} requested", id, type.id(), version, image, ownerId);
        return view(db, true);
    }

    /**
     * The owner's plan limits changed: each of its databases takes the plan's disk quota, which the supervisor
     * enforces from its next measurement on. Memory and CPU stay {@code paas.databases.plan.*}.
     *
     * @return how many databases took the new quota
     */
    public int limitsChanged(UUID ownerId) {
        return accounts.limitsOf(ownerId).map(limits -> transactions.execute(status -> {
            store.lockOwner(ownerId);
            return store.diskQuotaOfOwner(ownerId, limits.databaseDiskBytes());
        })).orElse(0);
    }

    /** The limits that apply to a new database of {@code type}: billing's for the owner, else the configured plan. */
    private OwnerPlan planOf(UUID ownerId, DatabaseType type) {
        return accounts.limitsOf(ownerId)
                .map(limits -> new OwnerPlan(limits.planName(), limits.maxDatabasesOf(type.id()),
                        limits.databaseDiskBytes()))
                .orElseGet(() -> new OwnerPlan(properties.plan().name(), properties.plan().maxPerType(),
                        properties.plan().diskQuota().toBytes()));
    }

    /** How many databases of one type a plan allows, and the disk quota of each. */
    private record OwnerPlan(String name, int maxOfType, long diskQuotaBytes) {

        String refusal(DatabaseType type, int existing) {
            String allowed = maxOfType == 0 ? "no " + type.id() + " databases"
                    : maxOfType + " " + type.id() + " database" + (maxOfType == 1 ? "" : "s");
            return "the " + name + " plan allows " + allowed + "; you have " + existing;
        }
    }

    public List<DatabaseView> list(UUID ownerId) {
        return store.ownedBy(ownerId).stream().map(db -> view(db, true)).toList();
    }

    public Optional<DatabaseView> view(UUID id, UUID callerId, boolean admin) {
        return visible(id, callerId, admin).map(db -> view(db, db.ownerId().equals(callerId)));
    }

    /** Stops a running database's container; the supervisor leaves it stopped. */
    public DatabaseView stop(UUID id, UUID callerId, boolean admin) {
        DatabaseRecord db = required(id, callerId, admin);
        db.requireStoppable();
        transactions.executeWithoutResult(status -> {
            if (!store.transition(id, EnumSet.of(DatabaseState.RUNNING), DatabaseState.STOPPED, "stopped by "
                    + (db.ownerId().equals(callerId) ? "its owner" : "an admin"))) {
                throw new Conflict("cannot stop database " + db.name() + ": it is no longer RUNNING");
            }
            events.publishEvent(new DatabaseEvents.StateChanged(id, db.ownerId(), db.type().id(), "STOPPED",
                    "stopped", callerId));
        });
        engines.stop(db.container(), properties.supervision().stopGrace());
        return view(required(id, callerId, admin), db.ownerId().equals(callerId));
    }

    /** Starts a stopped database, or one in a crash loop (which forgets its restarts). */
    public DatabaseView start(UUID id, UUID callerId, boolean admin) {
        DatabaseRecord db = required(id, callerId, admin);
        db.requireStartable();
        if (holds.holds(id)) {
            throw new PaymentRequired("cannot start database " + db.name() + ": your account is suspended (its "
                    + "balance is due); it starts again by itself once the account is topped up");
        }
        if (accounts.suspended(db.ownerId())) {
            throw new PaymentRequired("cannot start database " + db.name() + ": your account is suspended (its "
                    + "balance is due); top up to start databases again");
        }
        engines.start(db.spec(secrets.open(id, db.credentialsSealed())));
        transactions.executeWithoutResult(status -> {
            store.clearRestarts(id);
            if (!store.transition(id, EnumSet.of(DatabaseState.STOPPED, DatabaseState.CRASH_LOOP),
                    DatabaseState.RUNNING, null)) {
                throw new Conflict("cannot start database " + db.name() + ": it is no longer " + db.state());
            }
            events.publishEvent(new DatabaseEvents.StateChanged(id, db.ownerId(), db.type().id(), "RUNNING",
                    "started", callerId));
        });
        return view(required(id, callerId, admin), db.ownerId().equals(callerId));
    }

    /**
     * The owner's account was suspended (billing): each of its running databases is stopped (container stopped,
     * volumes kept) and remembered, so that {@link #reinstateAccount} starts exactly those; one still provisioning is
     * stopped and remembered by the {@code Provisioner} once it is ready. Joins the caller's transaction; a replay
     * finds them stopped and changes nothing.
     *
     * @return the databases it stopped
     */
    public List<UUID> suspendAccount(UUID ownerId) {
        List<DatabaseRecord> stopped = transactions.execute(status -> {
            store.lockOwner(ownerId);
            List<DatabaseRecord> running = store.ownedBy(ownerId).stream()
                    .filter(db -> db.state() == DatabaseState.RUNNING).toList();
            for (DatabaseRecord db : running) {
                if (store.transition(db.id(), EnumSet.of(DatabaseState.RUNNING), DatabaseState.STOPPED,
                        SUSPENDED_REASON)) {
                    holds.hold(db.id(), ownerId, clock.instant());
                    events.publishEvent(new DatabaseEvents.StateChanged(db.id(), ownerId, db.type().id(), "STOPPED",
                            SUSPENDED_REASON, null));
                }
            }
            return running;
        });
        for (DatabaseRecord db : stopped) {
            engines.stop(db.container(), properties.supervision().stopGrace());
            log.info("Database {} of {} stopped: the account is suspended", db.id(), ownerId);
        }
        return stopped.stream().map(DatabaseRecord::id).toList();
    }

    /**
     * The owner's account was reinstated: the databases its suspension stopped start again (a database deleted or
     * started meanwhile is only forgotten). A failure to start one leaves it, and the rest, held for the event's
     * redelivery.
     *
     * @return the databases it started
     */
    public List<UUID> reinstateAccount(UUID ownerId) {
        return transactions.execute(status -> {
            store.lockOwner(ownerId);
            List<UUID> started = new ArrayList<>();
            for (UUID id : holds.heldOf(ownerId)) {
                Optional<DatabaseRecord> held = store.find(id).filter(db -> db.state() == DatabaseState.STOPPED);
                if (held.isPresent()) {
                    DatabaseRecord db = held.get();
                    engines.start(db.spec(secrets.open(id, db.credentialsSealed())));
                    store.clearRestarts(id);
                    store.transition(id, EnumSet.of(DatabaseState.STOPPED), DatabaseState.RUNNING, null);
                    events.publishEvent(new DatabaseEvents.StateChanged(id, ownerId, db.type().id(), "RUNNING",
                            "started: its account was reinstated", null));
                    started.add(id);
                    log.info("Database {} of {} started again: the account is reinstated", id, ownerId);
                }
                holds.release(id);
            }
            return started;
        });
    }

    /**
     * Deletes the database when {@code confirm} is its name: it becomes a tombstone, every project is unlinked, its
     * container and every volume it had are removed.
     */
    public void delete(UUID id, String confirm, UUID callerId, boolean admin) {
        DatabaseRecord db = required(id, callerId, admin);
        if (confirm == null || !confirm.equals(db.name())) {
            throw new InvalidInput("confirm", "must be the database's name (" + db.name()
                    + ") to delete it and its data; got " + (confirm == null ? "none" : "'" + confirm + "'"));
        }
        transactions.executeWithoutResult(status -> {
            DatabaseRecord locked = store.lock(id).orElseThrow(() -> new NotFound("database", id));
            for (DatabaseStore.StoredLink link : store.linksOf(id)) {
                unlinked(locked, link, "database deleted", callerId);
            }
            store.markDeleted(id);
            UUID lastBackup = Optional.ofNullable(lastBackups.getIfAvailable())
                    .flatMap(backups -> backups.lastCompleted(id)).orElse(null);
            events.publishEvent(new DatabaseEvents.Deleted(id, locked.ownerId(), locked.name(), locked.type().id(),
                    lastBackup, callerId));
        });
        removeContainerAndVolumes(db);
        log.info("Database {} of {} deleted", id, db.ownerId());
    }

    /** Links the caller's database to the caller's project: {@code DatabaseLinked} carries the sealed variables. */
    public LinkView link(UUID projectId, UUID databaseId, String requestedPrefix, UUID callerId) {
        requireOwnProject(projectId, callerId);
        DatabaseRecord db = store.find(databaseId).filter(found -> found.ownerId().equals(callerId))
                .orElseThrow(() -> new NotFound("database", databaseId));
        String prefix = DatabaseRules.prefix(requestedPrefix);
        db.requireLinkable();
        ConnectionInfo connection = engines.connection(db.spec(secrets.open(databaseId, db.credentialsSealed())));
        Map<String, String> variables = connection.variables(prefix, db.type());
        return transactions.execute(status -> {
            store.lock(databaseId).orElseThrow(() -> new NotFound("database", databaseId));
            if (store.link(projectId, databaseId).isPresent()) {
                throw new Conflict("database " + db.name() + " is already linked to project " + projectId);
            }
            if (store.prefixTaken(projectId, prefix)) {
                throw new Conflict("prefix " + prefix + " is used by another database linked to project "
                        + projectId + "; choose another prefix");
            }
            store.insertLink(projectId, databaseId, prefix);
            List<String> names = List.copyOf(variables.keySet());
            events.publishEvent(new DatabaseEvents.Linked(databaseId, projectId, db.ownerId(), db.type().id(), prefix,
                    names, secrets.sealVariables(projectId, databaseId, variables), callerId));
            DatabaseStore.StoredLink link = store.link(projectId, databaseId).orElseThrow();
            return linkView(db, link);
        });
    }

    public void unlink(UUID projectId, UUID databaseId, UUID callerId) {
        requireOwnProject(projectId, callerId);
        DatabaseRecord db = store.find(databaseId).filter(found -> found.ownerId().equals(callerId))
                .orElseThrow(() -> new NotFound("database", databaseId));
        transactions.executeWithoutResult(status -> {
            DatabaseStore.StoredLink link = store.link(projectId, databaseId).orElseThrow(() -> new NotFound(
                    "link of database", databaseId, "it is not linked to project " + projectId));
            unlinked(db, link, "unlinked", callerId);
        });
    }

    public List<LinkView> linksOfProject(UUID projectId, UUID callerId, boolean admin) {
        if (!admin) {
            requireOwnProject(projectId, callerId);
        }
        return store.linksOfProject(projectId).stream()
                .flatMap(link -> store.find(link.databaseId()).map(db -> linkView(db, link)).stream()).toList();
    }

    /** A deleted project loses its links (the databases stay); a replay finds none left and does nothing. */
    public void projectDeleted(UUID projectId) {
        transactions.executeWithoutResult(status -> {
            for (DatabaseStore.StoredLink link : store.linksOfProject(projectId)) {
                store.find(link.databaseId()).ifPresent(db -> unlinked(db, link, "project deleted", null));
            }
        });
    }

    private void unlinked(DatabaseRecord db, DatabaseStore.StoredLink link, String reason, UUID actorId) {
        store.deleteLink(link.projectId(), link.databaseId());
        events.publishEvent(new DatabaseEvents.Unlinked(db.id(), link.projectId(), db.ownerId(), link.prefix(),
                variableNames(link.prefix(), db.type()), reason, actorId));
    }

    private void requireOwnProject(UUID projectId, UUID callerId) {
        if (!projects.ownerOf(projectId).map(callerId::equals).orElse(false)) {
            throw new NotFound("project", projectId);
        }
    }

    private void removeContainerAndVolumes(DatabaseRecord db) {
        try {
            engines.stop(db.container(), properties.supervision().stopGrace());
            engines.remove(db.container());
            engines.remove(db.container() + "-scratch");
            db.volumes().forEach(engines::removeVolume);
        } catch (RuntimeException e) {
            log.warn("Database {} is deleted, but removing its container or volumes failed: {}", db.id(),
                    e.getMessage());
        }
    }

    private Optional<DatabaseRecord> visible(UUID id, UUID callerId, boolean admin) {
        return store.find(id).filter(db -> admin || db.ownerId().equals(callerId));
    }

    private DatabaseRecord required(UUID id, UUID callerId, boolean admin) {
        return visible(id, callerId, admin).orElseThrow(() -> new NotFound("database", id));
    }

    private static Conflict nameTaken(String name) {
        return new Conflict("name " + name + " is taken: you already have a database named " + name);
    }

    static List<String> variableNames(String prefix, DatabaseType type) {
        return List.copyOf(new ConnectionInfo("", 0, new Credentials("", "", ""), "", null).variables(prefix, type)
                .keySet());
    }

    private LinkView linkView(DatabaseRecord db, DatabaseStore.StoredLink link) {
        return new LinkView(link.projectId(), db.id(), db.name(), db.type().id(), link.prefix(),
                variableNames(link.prefix(), db.type()), link.createdAt());
    }

    private DatabaseView view(DatabaseRecord db, boolean owner) {
        Credentials credentials = secrets.open(db.id(), db.credentialsSealed());
        ConnectionInfo connection = null;
        if (db.state() != DatabaseState.FAILED) {
            try {
                connection = engines.connection(db.spec(credentials));
            } catch (RuntimeException e) {
                log.debug("No connection of database {}: {}", db.id(), e.getMessage());
            }
        }
        List<DatabaseView.Link> links = store.linksOf(db.id()).stream()
                .map(link -> new DatabaseView.Link(link.projectId(), link.prefix())).toList();
        DatabaseView.CredentialsView shown = owner ? new DatabaseView.CredentialsView(credentials.user(),
                credentials.password(), credentials.database(), connection == null ? null : connection.url()) : null;
        return new DatabaseView(db.id(), db.name(), db.type().id(), db.version(), db.state().name(), db.reason(),
                db.createdAt(), db.usageBytes(), db.diskQuotaBytes(), db.quotaExceeded(), db.memoryBytes(),
                db.nanoCpus(), db.externalAccess(), DatabaseSpec.networkAliasOf(db.id()),
                connection == null ? null : connection.port(), connection == null ? null : connection.externalPort(),
                links, shown);
    }
}
