package dev.paas.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Turns the sample apps in {@code infra/samples} into local git repositories the platform can clone. */
final class SampleRepositories {

    private static final Path SAMPLES = Path.of(System.getProperty("paas.samples", "../samples"));

    private SampleRepositories() {
    }

    /** The directory holding the samples, one subdirectory each. */
    static Path directory() {
        return SAMPLES;
    }

    /** A fresh repository holding a copy of sample {@code name}, committed on {@code branch}. */
    static Path create(String name, String branch) throws IOException, InterruptedException {
        Path repo = Files.createTempDirectory("paas-e2e-" + name);
        Path source = SAMPLES.resolve(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = repo.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        git(repo, "init", "-q", "-b", branch);
        commitAll(repo, "initial " + name);
        return repo;
    }

    static void commitAll(Path repo, String message) throws IOException, InterruptedException {
        git(repo, "add", "-A");
        git(repo, "-c", "user.name=e2e", "-c", "user.email=e2e@paas.localhost", "commit", "-q", "-m", message);
    }

    static String head(Path repo) throws IOException, InterruptedException {
        return git(repo, "rev-parse", "HEAD").strip();
    }

    static String url(Path repo) {
        return repo.toUri().toString();
    }

    private static String git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed: " + output);
        }
        return output;
    }
}
