package dev.paas.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** Git repositories made on the local disk from the sample apps in {@code infra/samples}. */
public final class TestRepositories {

    /** The author of every commit made here, as build-service records it. */
    public static final String AUTHOR = "build-service tests <tests@paas.localhost>";

    private TestRepositories() {
    }

    /** The sample app's directory; fails when the samples are missing from the checkout. */
    public static Path sample(String name) {
        Path sample = Path.of("").toAbsolutePath().resolve("../infra/samples").resolve(name).normalize();
        if (!Files.isDirectory(sample)) {
            throw new IllegalStateException("sample app " + sample + " is missing");
        }
        return sample;
    }

    /** Copies the sample into {@code repository}, commits it on {@code main} and returns the commit id. */
    public static String commitSample(String name, Path repository) {
        copy(sample(name), repository);
        return commitAll(repository, "Deploy the " + name + " sample");
    }

    /** Commits everything in {@code repository} (initialising it on {@code main} first if needed). */
    public static String commitAll(Path repository, String message) {
        try (Git git = Files.isDirectory(repository.resolve(".git")) ? Git.open(repository.toFile())
                : Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent author = new PersonIdent("build-service tests", "tests@paas.localhost");
            return git.commit().setMessage(message).setAuthor(author).setCommitter(author).setSign(false).call()
                    .getName();
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException("cannot commit in " + repository, e);
        }
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
