package dev.paas.build.catalog;

import dev.paas.build.stack.RuntimeImage;
import dev.paas.build.stack.RuntimeImages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime catalog as detection reads it: the database's entries, kept in memory and read again when they are
 * older than the refresh interval (so another replica's edit is seen within it) or when this replica changed
 * them. When the database cannot be read, the entries last read are used.
 */
final class CatalogRuntimeImages implements RuntimeImages {

    private static final Logger log = LoggerFactory.getLogger(CatalogRuntimeImages.class);

    private final RuntimeEntries entries;
    private final long refreshNanos;
    private final LongSupplier nanoTime;
    private volatile Snapshot snapshot;

    CatalogRuntimeImages(RuntimeEntries entries, Duration refreshInterval, LongSupplier nanoTime) {
        this.entries = entries;
        this.refreshNanos = refreshInterval.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public List<RuntimeImage> images(String stack) {
        return current().byStack().getOrDefault(stack, List.of());
    }

    /** This replica changed the catalog: the next read goes to the database. */
    void changed() {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot known = snapshot;
        long now = nanoTime.getAsLong();
        if (known != null && now - known.readAt() < refreshNanos) {
            return known;
        }
        try {
            Snapshot fresh = new Snapshot(entries.all().stream().map(RuntimeEntry::image)
                    .collect(Collectors.groupingBy(RuntimeImage::stack)), now);
            snapshot = fresh;
            return fresh;
        } catch (RuntimeException e) {
            if (known == null) {
                throw e;
            }
            log.warn("cannot read the runtime catalog, using the entries read before: {}", e.getMessage());
            return known;
        }
    }

    private record Snapshot(Map<String, List<RuntimeImage>> byStack, long readAt) {
    }
}
