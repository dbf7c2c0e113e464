package dev.paas.database.databases;

import dev.paas.database.engine.DatabaseType;
import dev.paas.problems.InvalidInput;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What the API accepts as a database's name, type and version, and as a link's prefix. */
final class DatabaseRules {

    static final String DEFAULT_PREFIX = "DATABASE";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern PREFIX = Pattern.compile("[A-Z][A-Z0-9_]{0,30}");

    private DatabaseRules() {
    }

    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInput("name", "is required: 1 to 40 of a-z, 0-9 and '-', starting with a letter");
        }
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInput("name", "must be 1 to 40 of a-z, 0-9 and '-', starting with a letter, got '"
                    + name + "'");
        }
        return name;
    }

    static DatabaseType type(String type) {
        String accepted = Arrays.stream(DatabaseType.values()).map(DatabaseType::id).collect(Collectors.joining(", "));
        if (type == null || type.isBlank()) {
            throw new InvalidInput("type", "is required: one of " + accepted);
        }
        return DatabaseType.of(type).orElseThrow(() -> new InvalidInput("type", "must be one of " + accepted
                + ", got '" + type + "'"));
    }

    /** The requested version, or the default (the first offered) when none is requested. */
    static String version(String version, DatabaseType type, List<String> offered) {
        if (version == null || version.isBlank()) {
            if (offered.isEmpty()) {
                throw new InvalidInput("type", "has no version offered on this platform: " + type.id());
            }
            return offered.getFirst();
        }
        if (!offered.contains(version)) {
            throw new InvalidInput("version", "must be one of " + String.join(", ", offered) + " for " + type.id()
                    + ", got '" + version + "'");
        }
        return version;
    }

    static String prefix(String prefix) {
        if (prefix == null) {
            return DEFAULT_PREFIX;
        }
        if (!PREFIX.matcher(prefix).matches()) {
            throw new InvalidInput("prefix", "must be an upper-case letter followed by up to 30 of A-Z, 0-9 and '_', "
                    + "got '" + prefix + "'");
        }
        return prefix;
    }
}
