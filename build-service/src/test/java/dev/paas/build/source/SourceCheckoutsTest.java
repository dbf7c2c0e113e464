package dev.paas.build.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.build.BuildFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JGit against repositories made on the local disk; no network. */
class SourceCheckoutsTest {

    @TempDir
    Path origin;

    @TempDir
    Path work;

    private final List<String> log = new ArrayList<>();
    private final SourceCheckouts checkouts = new SourceCheckouts(new RepositoryUrlPolicy(true), Duration.ofMinutes(1));

    @Test
    void clonesTheHeadOfTheBranchShallowly() throws Exception {
        RevCommit head = commitTwice(origin);

        Checkout checkout = checkouts.checkout(origin.toUri().toString(), "main", work.resolve("src"), log::add);

        assertThat(checkout.commitSha()).isEqualTo(head.getName());
        assertThat(checkout.commitMessage()).isEqualTo("Second commit");
        assertThat(checkout.directory().resolve("index.html")).hasContent("<h1>v2</h1>");
        try (Git clone = Git.open(checkout.directory().toFile())) {
            assertThat(clone.log().call()).hasSize(1);
            assertThat(clone.getRepository().getRefDatabase().getRefsByPrefix("refs/remotes/"))
                    .extracting(ref -> ref.getName()).containsExactly("refs/remotes/origin/main");
        }
        assertThat(log).first().asString().startsWith("Cloning file:");
    }

    @Test
    void namesAnUnknownBranch() throws Exception {
        commitTwice(origin);
        String url = origin.toUri().toString();

        assertThatThrownBy(() -> checkouts.checkout(url, "release", work.resolve("src"), log::add))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("branch 'release' not found in " + url);
    }

    @Test
    void explainsACloneFailure() {
        String url = origin.resolve("missing").toUri().toString();

        assertThatThrownBy(() -> checkouts.checkout(url, "main", work.resolve("src"), log::add))
                .isInstanceOf(BuildFailure.class)
                .hasMessageStartingWith("could not clone " + url + ": ");
    }

    @Test
    void appliesTheUrlPolicyBeforeTouchingAnything() {
        var deployed = new SourceCheckouts(new RepositoryUrlPolicy(false), Duration.ofMinutes(1));

        assertThatThrownBy(() -> deployed.checkout(origin.toUri().toString(), "main", work.resolve("src"), log::add))
                .isInstanceOf(BuildFailure.class)
                .hasMessageContaining("file:// URLs are only accepted in local mode");
        assertThat(work.resolve("src")).doesNotExist();
    }

    @Test
    void refusesAnInvalidBranchName() {
        assertThatThrownBy(() -> checkouts.checkout(origin.toUri().toString(), "../x", work.resolve("src"), log::add))
                .hasMessage("branch '../x' is not a valid branch name");
    }

    @Test
    void keepsTheFirstLineOfTheMessage() {
        assertThat(SourceCheckouts.firstLine("\n  Fix the thing  \n\nlonger body")).isEqualTo("Fix the thing");
        assertThat(SourceCheckouts.firstLine("x".repeat(300))).hasSize(200).endsWith("…");
    }

    static RevCommit commitTwice(Path directory) throws Exception {
        try (Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call()) {
            PersonIdent author = new PersonIdent("Test", "test@example.com");
            Files.writeString(directory.resolve("index.html"), "<h1>v1</h1>");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("First commit").setAuthor(author).setCommitter(author).setSign(false).call();
            Files.writeString(directory.resolve("index.html"), "<h1>v2</h1>");
            git.add().addFilepattern(".").call();
            return git.commit().setMessage("Second commit\n\nWith a body.").setAuthor(author).setCommitter(author)
                    .setSign(false).call();
        }
    }
}
