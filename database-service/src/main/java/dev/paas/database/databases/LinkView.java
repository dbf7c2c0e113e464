package dev.paas.database.databases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A database linked to a project: the names of the variables the project receives (their values stay sealed). */
public record LinkView(UUID projectId, UUID databaseId, String databaseName, String type, String prefix,
        List<String> variableNames, Instant createdAt) {
}
