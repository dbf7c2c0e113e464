package dev.paas.database.databases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A managed database as the API shows it; {@code credentials} only to its owner (null otherwise).
 *
 * @param host the host name the owner's apps reach it at (on the owner's private network)
 * @param externalPort the loopback port of the host when external access is on, else null
 */
public record DatabaseView(UUID id, String name, String type, String version, String state, String reason,
        Instant createdAt, long usageBytes, long diskQuotaBytes, boolean quotaExceeded, long memoryBytes,
        long nanoCpus, boolean externalAccess, String host, Integer port, Integer externalPort, List<Link> links,
        CredentialsView credentials) {

    /** A project the database is linked to, and the prefix of its variables there. */
    public record Link(UUID projectId, String prefix) {
    }

    /** The login, for the owner. */
    public record CredentialsView(String user, String password, String database, String url) {

        @Override
        public String toString() {
            return "CredentialsView[user=" + user + ", password=***, database=" + database + "]";
        }
    }
}
