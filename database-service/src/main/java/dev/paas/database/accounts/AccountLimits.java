package dev.paas.database.accounts;

import java.util.Map;
import org.springframework.util.unit.DataSize;

/**
 * What the owner's plan allows in database-service, as billing last announced it.
 *
 * @param planName the plan's name, as quota messages show it
 * @param maxDatabasesPerType databases per type id ({@code postgresql}, {@code mysql}, {@code redis},
 *     {@code mongodb}); a type it does not name allows none
 * @param databaseDiskMb the disk quota of each database, in MiB
 */
public record AccountLimits(String planName, Map<String, Integer> maxDatabasesPerType, int databaseDiskMb) {

    public AccountLimits {
        maxDatabasesPerType = maxDatabasesPerType == null ? Map.of() : Map.copyOf(maxDatabasesPerType);
    }

    /** How many databases of the type the plan allows: none when the plan does not name the type. */
    public int maxDatabasesOf(String type) {
        return Math.max(0, maxDatabasesPerType.getOrDefault(type, 0));
    }

    public long databaseDiskBytes() {
        return DataSize.ofMegabytes(databaseDiskMb).toBytes();
    }
}
