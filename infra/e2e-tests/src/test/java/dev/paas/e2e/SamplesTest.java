package dev.paas.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The end-to-end tests and {@code infra/samples} stay in step (no platform needed). */
class SamplesTest {

    private static final Path TESTS = Path.of("src/test/java/dev/paas/e2e");
    private static final Pattern CREATE = Pattern.compile("SampleRepositories\\.create\\(\"([^\"]+)\"");

    @Test
    void everySampleTheTestsUseExists() throws IOException {
        assertThat(usedSamples()).isNotEmpty().allSatisfy(name -> assertThat(SampleRepositories.directory().resolve(name))
                .as("sample %s used by the end-to-end tests", name).isDirectory());
    }

    @Test
    void everySampleDirectoryIsUsedByATest() throws IOException {
        Set<String> used = usedSamples();
        SampleMatrixIT.samples().map(SampleMatrixIT.Sample::name).forEach(used::add);
        try (Stream<Path> directories = Files.list(SampleRepositories.directory())) {
            List<String> samples = directories.filter(Files::isDirectory).map(path -> path.getFileName().toString()).toList();
            assertThat(samples).as("samples in %s", SampleRepositories.directory()).isNotEmpty().allSatisfy(name ->
                    assertThat(used).as("a test deploys sample %s", name).contains(name));
        }
    }

    @Test
    void everyMatrixSampleExists() {
        assertThat(SampleMatrixIT.samples()).allSatisfy(sample -> assertThat(SampleRepositories.directory()
                .resolve(sample.name())).as("matrix sample %s", sample).isDirectory());
    }

    /** The names passed as literals to {@code SampleRepositories.create} anywhere in the end-to-end tests. */
    private static Set<String> usedSamples() throws IOException {
        try (Stream<Path> sources = Files.list(TESTS)) {
            return sources.filter(path -> path.toString().endsWith(".java")).flatMap(SamplesTest::createdIn)
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    private static Stream<String> createdIn(Path source) {
        try {
            Matcher matcher = CREATE.matcher(Files.readString(source));
            return matcher.results().map(result -> result.group(1)).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
