package dev.paas.build.suggestions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.build.stack.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvScannerTest {

    private final EnvScanner scanner = new EnvScanner();

    @TempDir
    Path repo;

    @Test
    void readsEnvExampleKeysWithTheCommentsAboveThem() throws IOException {
        write(".env.example", """
                # Where the app sends mail.
                # Any SMTP URL.
                SMTP_URL=smtp://localhost:25

                # unrelated comment

                API_KEY=
                export FEATURE_FLAGS="a,b"
                not a variable
                """);
        write(".env.sample", "API_KEY=sample-value\nSAMPLE_ONLY=1 # trailing comment\n");

        assertThat(scanner.scan(new SourceTree(repo))).startsWith(
                new EnvSuggestion("SMTP_URL", "Where the app sends mail. Any SMTP URL.", "smtp://localhost:25", null),
                new EnvSuggestion("API_KEY", "listed in .env.example", null, true),
                new EnvSuggestion("FEATURE_FLAGS", "listed in .env.example", "a,b", null),
                new EnvSuggestion("SAMPLE_ONLY", "listed in .env.sample", "1", null));
    }

    @Test
    void alwaysSuggestsThePortThePlatformSets() {
        assertThat(names()).containsExactly("PORT");
        assertThat(scanner.scan(new SourceTree(repo)).getFirst().required()).isFalse();
    }

    @Test
    void suggestsNodeEnvAndTheUrlsOfNodeDrivers() throws IOException {
        write("package.json", """
                {"dependencies": {"express": "^4", "pg": "^8", "ioredis": "^5"}, "devDependencies": {"mysql2": "^3"}}""");

        assertThat(names()).containsExactly("PORT", "NODE_ENV", "REDIS_URL", "DATABASE_URL");
        assertThat(byName().get("DATABASE_URL").reason()).startsWith("pg in package.json is a PostgreSQL driver");
        assertThat(byName().get("DATABASE_URL").example()).startsWith("postgres://");
        assertThat(byName().get("NODE_ENV").example()).isEqualTo("production");
    }

    @Test
    void suggestsDjangosSettingsAndItsDatabase() throws IOException {
        write("requirements.txt", "# web\nDjango==5.0\npsycopg2-binary>=2.9 ; python_version > '3'\n-r base.txt\n");
        write("manage.py", "import django\n");

        assertThat(names()).containsExactly("PORT", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL");
        assertThat(byName().get("SECRET_KEY").required()).isTrue();
    }

    @Test
    void readsPyprojectAndPipfileDependencies() throws IOException {
        write("pyproject.toml", """
                [project]
                name = "shop"
                dependencies = [
                    "fastapi>=0.110",
                    "PyMySQL",
                ]

                [tool.poetry.dependencies]
                redis = "^5"
                """);

        assertThat(names()).containsExactly("PORT", "DATABASE_URL", "REDIS_URL");
        assertThat(byName().get("DATABASE_URL").example()).startsWith("mysql://");
    }

    @Test
    void findsGoJavaAndPhpDrivers() throws IOException {
        write("go.mod", "module shop\n\ngo 1.21\n\nrequire (\n\tgithub.com/jackc/pgx/v5 v5.5.0\n)\n");
        assertThat(byName().get("DATABASE_URL").reason()).startsWith("github.com/jackc/pgx in go.mod");

        Files.delete(repo.resolve("go.mod"));
        write("pom.xml", "<project><dependencies><dependency><groupId>com.mysql</groupId>"
                + "<artifactId>mysql-connector-j</artifactId></dependency></dependencies></project>");
        assertThat(byName().get("DATABASE_URL").reason()).startsWith("mysql-connector-j in pom.xml is a MySQL driver");

        Files.delete(repo.resolve("pom.xml"));
        write("composer.json", "{\"require\": {\"php\": \"^8.2\", \"ext-pdo_pgsql\": \"*\", \"predis/predis\": \"^2\"}}");
        assertThat(names()).containsExactly("PORT", "DATABASE_URL", "REDIS_URL");
    }

    @Test
    void ignoresFilesItCannotReadSafely(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("secret.env"), "STOLEN=1\n");
        Files.createSymbolicLink(repo.resolve(".env.example"), outside.resolve("secret.env"));
        Files.write(repo.resolve(".env.sample"), new byte[2 * 1024 * 1024]);
        write("package.json", "{ not json");

        assertThat(names()).containsExactly("PORT");
    }

    private List<String> names() {
        return scanner.scan(new SourceTree(repo)).stream().map(EnvSuggestion::name).toList();
    }

    private Map<String, EnvSuggestion> byName() {
        return scanner.scan(new SourceTree(repo)).stream()
                .collect(Collectors.toMap(EnvSuggestion::name, s -> s));
    }

    private void write(String file, String content) throws IOException {
        Files.writeString(repo.resolve(file), content);
    }
}
