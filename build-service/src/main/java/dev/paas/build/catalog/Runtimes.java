package dev.paas.build.catalog;

import dev.paas.build.stack.RuntimeImage;
import dev.paas.ids.UuidV7;
import dev.paas.problems.Conflict;
import dev.paas.problems.NotFound;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The admin-editable runtime catalog: which images each stack and version builds and runs on. A (stack, version)
 * appears once, and every stack keeps at least one entry once it has one, because detection picks its image here.
 * Bad input changes nothing; a change is seen by this replica's builds at once and by other replicas' within
 * {@code paas.build.catalog.refresh-interval}.
 */
public class Runtimes {

    private final RuntimeEntries entries;
    private final CatalogRuntimeImages images;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Runtimes(RuntimeEntries entries, CatalogRuntimeImages images, TransactionTemplate transactions, Clock clock) {
        this.entries = entries;
        this.images = images;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Every entry, stack by stack, lowest version first. */
    public List<RuntimeEntry> list() {
        return entries.all().stream().sorted(RuntimeDefinitions.CATALOG_ORDER).toList();
    }

    /** One entry; {@link NotFound} when there is none with this id. */
    public RuntimeEntry get(UUID id) {
        return entries.find(id).orElseThrow(() -> notFound(id));
    }

    /** Adds an entry; {@link Conflict} when the stack already has this version. */
    public RuntimeEntry add(RuntimeImage definition) {
        RuntimeImage image = RuntimeDefinitions.checked(definition);
        UUID id = UuidV7.next();
        return change(() -> {
            requireUnused(image, null);
            entries.insert(id, image, clock.instant());
            return entries.find(id).orElseThrow();
        });
    }

    /**
     * Replaces an entry's stack, version and images; {@link NotFound} for an unknown id, {@link Conflict} when
     * another entry has the stack and version, or when moving the entry would leave its old stack without one.
     */
    public RuntimeEntry replace(UUID id, RuntimeImage definition) {
        RuntimeImage image = RuntimeDefinitions.checked(definition);
        return change(() -> {
            RuntimeEntry current = entries.find(id).orElseThrow(() -> notFound(id));
            if (!current.stack().equals(image.stack())) {
                requireAnotherLeft(current, "move it to " + image.stack());
            }
            requireUnused(image, id);
            entries.update(id, image, clock.instant());
            return entries.find(id).orElseThrow();
        });
    }

    /** Removes an entry; {@link NotFound} for an unknown id, {@link Conflict} for the last entry of its stack. */
    public void remove(UUID id) {
        change(() -> {
            RuntimeEntry current = entries.find(id).orElseThrow(() -> notFound(id));
            requireAnotherLeft(current, "delete it");
            entries.delete(id);
            return current;
        });
    }

    private RuntimeEntry change(Supplier<RuntimeEntry> work) {
        try {
            return transactions.execute(status -> {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        images.changed();
                    }
                });
                return work.get();
            });
        } catch (DuplicateKeyException e) {
            // Another replica added the same stack and version between our check and our write.
            throw new Conflict("the catalog already has this stack and version");
        }
    }

    private void requireUnused(RuntimeImage image, UUID except) {
        entries.find(image.stack(), image.version()).filter(existing -> !existing.id().equals(except))
                .ifPresent(existing -> {
                    throw new Conflict("the catalog already has " + image.stack() + " " + image.version()
                            + " (runtime " + existing.id() + ")");
                });
    }

    private void requireAnotherLeft(RuntimeEntry entry, String action) {
        if (entries.lockStack(entry.stack()) <= 1) {
            throw new Conflict("cannot " + action + ": " + entry.stack() + " " + entry.version() + " is the last "
                    + entry.stack() + " entry of the catalog, and detection needs one for every stack it builds");
        }
    }

    private static NotFound notFound(UUID id) {
        return new NotFound("runtime", id);
    }
}
