package dev.paas.database.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The engines the platform manages; {@link #id()} is the name the API and the events use. */
public enum DatabaseType {
    POSTGRESQL("postgresql"),
    MYSQL("mysql"),
    MONGODB("mongodb"),
    REDIS("redis");

    private final String id;

    DatabaseType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The type named {@code id} ({@code postgresql}), case-insensitive. */
    public static Optional<DatabaseType> of(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.id.equals(wanted)).findFirst();
    }
}
