package dev.paas.build.suggestions;

import dev.paas.build.stack.SourceTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Finds the environment variables a checkout suggests, only by reading files (size-capped by {@link SourceTree};
 * nothing of the repository runs): the keys of {@code .env.example}, {@code .env.sample} and {@code .env.template}
 * with the comment lines above them as reason, then what the stack implies: {@code PORT} always,
 * {@code NODE_ENV} for Node, Django's {@code SECRET_KEY} and {@code ALLOWED_HOSTS}, and {@code DATABASE_URL} or
 * {@code REDIS_URL} when a database or Redis driver is a dependency. The first suggestion of a name wins.
 */
public final class EnvScanner {

    static final List<String> ENV_FILES = List.of(".env.example", ".env.sample", ".env.template");

    private static final Pattern ENV_LINE = Pattern.compile(
            "^(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*)$");
    private static final Pattern PYTHON_REQUIREMENT = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)");
    private static final Pattern QUOTED_REQUIREMENT = Pattern.compile("[\"']([A-Za-z0-9][A-Za-z0-9._-]*)");
    private static final Pattern TOML_KEY = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s*=");

    /** Database drivers by dependency name, with the kind of database they talk to. */
    private static final Map<String, Database> NODE_DRIVERS = Map.of("pg", Database.POSTGRES, "postgres",
            Database.POSTGRES, "mysql", Database.MYSQL, "mysql2", Database.MYSQL, "mongoose", Database.MONGODB,
            "mongodb", Database.MONGODB, "redis", Database.REDIS, "ioredis", Database.REDIS);
    private static final Map<String, Database> PYTHON_DRIVERS = Map.of("psycopg2", Database.POSTGRES,
            "psycopg2-binary", Database.POSTGRES, "psycopg", Database.POSTGRES, "asyncpg", Database.POSTGRES,
            "pymysql", Database.MYSQL, "mysqlclient", Database.MYSQL, "pymongo", Database.MONGODB, "redis",
            Database.REDIS);
    private static final Map<String, Database> GO_DRIVERS = Map.of("github.com/lib/pq", Database.POSTGRES,
            "github.com/jackc/pgx", Database.POSTGRES, "github.com/go-sql-driver/mysql", Database.MYSQL,
            "go.mongodb.org/mongo-driver", Database.MONGODB, "github.com/redis/go-redis", Database.REDIS,
            "github.com/go-redis/redis", Database.REDIS, "github.com/gomodule/redigo", Database.REDIS);
    private static final Map<String, Database> JAVA_DRIVERS = Map.of("org.postgresql:postgresql", Database.POSTGRES,
            "com.mysql:mysql-connector-j", Database.MYSQL, "mysql:mysql-connector-java", Database.MYSQL,
            "org.mariadb.jdbc:mariadb-java-client", Database.MYSQL, "org.mongodb:mongodb-driver-sync",
            Database.MONGODB, "redis.clients:jedis", Database.REDIS, "io.lettuce:lettuce-core", Database.REDIS);
    private static final Map<String, Database> PHP_DRIVERS = Map.of("ext-pdo_pgsql", Database.POSTGRES, "ext-pgsql",
            Database.POSTGRES, "ext-pdo_mysql", Database.MYSQL, "ext-mysqli", Database.MYSQL, "ext-mongodb",
            Database.MONGODB, "mongodb/mongodb", Database.MONGODB, "ext-redis", Database.REDIS, "predis/predis",
            Database.REDIS);

    /** The suggestions for the checkout under {@code tree}, in the order above. */
    public List<EnvSuggestion> scan(SourceTree tree) {
        Map<String, EnvSuggestion> found = new LinkedHashMap<>();
        for (String file : ENV_FILES) {
            tree.read(file).ifPresent(text -> envFile(file, text).forEach(s -> found.putIfAbsent(s.name(), s)));
        }
        implied(tree).forEach(s -> found.putIfAbsent(s.name(), s));
        return List.copyOf(found.values());
    }

    /** The keys of a dotenv file, each with the comment lines right above it (a blank line ends a comment). */
    static List<EnvSuggestion> envFile(String file, String text) {
        List<EnvSuggestion> suggestions = new ArrayList<>();
        List<String> comment = new ArrayList<>();
        for (String raw : text.lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty()) {
                comment.clear();
            } else if (line.startsWith("#")) {
                String words = line.replaceFirst("^#+", "").strip();
                if (!words.isEmpty()) {
                    comment.add(words);
                }
            } else {
                Matcher matcher = ENV_LINE.matcher(line);
                if (matcher.matches()) {
                    String value = unquoted(matcher.group(2));
                    String reason = comment.isEmpty() ? "listed in " + file : String.join(" ", comment);
                    suggestions.add(new EnvSuggestion(matcher.group(1), reason, value.isEmpty() ? null : value,
                            value.isEmpty() ? Boolean.TRUE : null));
                }
                comment.clear();
            }
        }
        return suggestions;
    }

    private static List<EnvSuggestion> implied(SourceTree tree) {
        List<EnvSuggestion> suggestions = new ArrayList<>();
        suggestions.add(new EnvSuggestion("PORT", "the platform sets PORT to the port it sends traffic to: listen on"
                + " 0.0.0.0:$PORT", null, false));
        Map<String, EnvSuggestion> databases = new LinkedHashMap<>();
        Optional<JsonNode> packageJson = tree.json("package.json");
        if (packageJson.isPresent()) {
            suggestions.add(new EnvSuggestion("NODE_ENV", "Node apps and their libraries run in production mode"
                    + " with NODE_ENV=production", "production", false));
            drivers(fieldNames(packageJson.get(), "dependencies"), NODE_DRIVERS, "package.json", databases);
        }
        Set<String> python = pythonRequirements(tree);
        drivers(python, PYTHON_DRIVERS, "the Python requirements", databases);
        if (python.contains("django") || tree.isFile("manage.py")) {
            suggestions.add(new EnvSuggestion("SECRET_KEY", "Django signs sessions and tokens with SECRET_KEY; keep"
                    + " it secret and out of the repository", null, true));
            suggestions.add(new EnvSuggestion("ALLOWED_HOSTS", "Django answers only the host names in ALLOWED_HOSTS"
                    + " when DEBUG is off: the project's domain", "myapp.example.com", true));
        }
        tree.read("go.mod").ifPresent(goMod -> GO_DRIVERS.forEach((module, database) -> {
            if (Pattern.compile("(?m)(^|\\s)" + Pattern.quote(module) + "(/v[0-9]+)?\\s").matcher(goMod).find()) {
                databases.putIfAbsent(database.variable, database.suggestion(module + " in go.mod"));
            }
        }));
        javaDrivers(tree, databases);
        tree.json("composer.json").ifPresent(composer ->
                drivers(fieldNames(composer, "require"), PHP_DRIVERS, "composer.json", databases));
        suggestions.addAll(databases.values());
        return suggestions;
    }

    private static void drivers(Set<String> dependencies, Map<String, Database> drivers, String source,
            Map<String, EnvSuggestion> databases) {
        dependencies.stream().sorted().forEach(dependency -> {
            Database database = drivers.get(dependency);
            if (database != null) {
                databases.putIfAbsent(database.variable, database.suggestion(dependency + " in " + source));
            }
        });
    }

    private static void javaDrivers(SourceTree tree, Map<String, EnvSuggestion> databases) {
        Optional<String> pom = tree.read("pom.xml");
        String gradle = tree.read("build.gradle").or(() -> tree.read("build.gradle.kts")).orElse("");
        JAVA_DRIVERS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(driver -> {
            String[] coordinates = driver.getKey().split(":");
            boolean inPom = pom.filter(text -> text.contains("<groupId>" + coordinates[0] + "</groupId>")
                    && text.contains("<artifactId>" + coordinates[1] + "</artifactId>")).isPresent();
            if (inPom || gradle.contains(driver.getKey())) {
                Database database = driver.getValue();
                databases.putIfAbsent(database.variable, database.suggestion(coordinates[1] + " in "
                        + (inPom ? "pom.xml" : "the Gradle build")));
            }
        });
    }

    /** Lower-case names from requirements.txt, Pipfile and pyproject.toml, with {@code _} read as {@code -}. */
    private static Set<String> pythonRequirements(SourceTree tree) {
        Set<String> names = new LinkedHashSet<>();
        tree.read("requirements.txt").ifPresent(text -> text.lines()
                .filter(line -> !line.strip().startsWith("#") && !line.strip().startsWith("-"))
                .forEach(line -> first(PYTHON_REQUIREMENT, line).ifPresent(names::add)));
        for (String toml : List.of("pyproject.toml", "Pipfile")) {
            tree.read(toml).ifPresent(text -> tomlDependencies(text, names));
        }
        Set<String> normalised = new LinkedHashSet<>();
        names.forEach(name -> normalised.add(name.toLowerCase(Locale.ROOT).replace('_', '-')));
        return normalised;
    }

    /** Dependency names of a TOML file: quoted strings in dependency arrays and keys of dependency tables. */
    private static void tomlDependencies(String text, Set<String> names) {
        boolean dependencyTable = false;
        boolean dependencyArray = false;
        for (String raw : text.lines().toList()) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                String section = line.toLowerCase(Locale.ROOT);
                dependencyTable = section.contains("dependencies") || section.contains("packages");
                dependencyArray = false;
                continue;
            }
            if (line.matches("^(dependencies|requires|[a-z-]*dependencies)\\s*=\\s*\\[.*")) {
                dependencyArray = true;
            }
            if (dependencyArray) {
                String values = line.matches("^[A-Za-z-]+\\s*=.*") ? line.substring(line.indexOf('=') + 1) : line;
                Matcher quoted = QUOTED_REQUIREMENT.matcher(values);
                while (quoted.find()) {
                    names.add(quoted.group(1));
                }
                if (line.contains("]")) {
                    dependencyArray = false;
                }
            } else if (dependencyTable) {
                first(TOML_KEY, line).ifPresent(names::add);
            }
        }
    }

    private static Set<String> fieldNames(JsonNode json, String field) {
        Set<String> names = new LinkedHashSet<>();
        JsonNode node = json.get(field);
        if (node != null && node.isObject()) {
            names.addAll(node.propertyNames());
        }
        return names;
    }

    private static Optional<String> first(Pattern pattern, String line) {
        Matcher matcher = pattern.matcher(line);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String unquoted(String value) {
        String stripped = value.strip();
        if (stripped.length() >= 2 && (stripped.startsWith("\"") && stripped.endsWith("\"")
                || stripped.startsWith("'") && stripped.endsWith("'"))) {
            return stripped.substring(1, stripped.length() - 1);
        }
        int comment = stripped.indexOf(" #");
        return comment < 0 ? stripped : stripped.substring(0, comment).strip();
    }

    /** A kind of database a driver talks to: the variable its URL conventionally goes in, and an example. */
    private enum Database {
        POSTGRES("PostgreSQL", "DATABASE_URL", "postgres://user:password@host:5432/dbname"),
        MYSQL("MySQL", "DATABASE_URL", "mysql://user:password@host:3306/dbname"),
        MONGODB("MongoDB", "DATABASE_URL", "mongodb://user:password@host:27017/dbname"),
        REDIS("Redis", "REDIS_URL", "redis://:password@host:6379/0");

        private final String product;
        private final String variable;
        private final String example;

        Database(String product, String variable, String example) {
            this.product = product;
            this.variable = variable;
            this.example = example;
        }

        /** The suggestion for a driver found in {@code source}, such as "pg in package.json". */
        EnvSuggestion suggestion(String source) {
            return new EnvSuggestion(variable, source + " is a " + product + " driver: give the app its "
                    + product + " URL, by convention as " + variable, example, true);
        }
    }
}
