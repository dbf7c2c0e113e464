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
    void checksOutAnExactOlderCommitAtDepthOneWhenTheServerServesCommitsById() throws Exception {
        RevCommit second = commitTwice(origin);
        RevCommit first = second.getParent(0);
        allowCommitsById(origin);

        Checkout checkout = checkouts.checkout(origin.toUri().toString(), "main", first.getName(),
                work.resolve("src"), log::add);

        assertThat(checkout.commitSha()).isEqualTo(first.getName());
        assertThat(checkout.commitMessage()).isEqualTo("First commit");
        assertThat(checkout.commitAuthor()).isEqualTo("Test <test@example.com>");
        assertThat(checkout.directory().resolve("index.html")).hasContent("<h1>v1</h1>");
        try (Git clone = Git.open(checkout.directory().toFile())) {
            assertThat(clone.log().call()).hasSize(1);
            assertThat(clone.getRepository().getBranch()).isEqualTo("main");
            assertThat(clone.status().call().isClean()).isTrue();
        }
        assertThat(log).noneMatch(line -> line.contains("does not serve"));
    }

    @Test
    void fetchesTheBranchHistoryWhenTheCommitIsAbbreviated() throws Exception {
        RevCommit first = commitTwice(origin).getParent(0);

        Checkout checkout = checkouts.checkout(origin.toUri().toString(), "main", first.getName().substring(0, 7),
                work.resolve("src"), log::add);

        assertThat(checkout.commitSha()).isEqualTo(first.getName());
        assertThat(checkout.directory().resolve("index.html")).hasContent("<h1>v1</h1>");
        assertThat(log).anyMatch(line -> line.contains("fetching the history of branch main"));
    }

    @Test
    void failsClearlyWhenTheCommitIsNotInTheRepository() throws Exception {
        commitTwice(origin);
        String url = origin.toUri().toString();
        String missing = "0123456789abcdef0123456789abcdef01234567";

        assertThatThrownBy(() -> checkouts.checkout(url, "main", missing, work.resolve("src"), log::add))
                .isInstanceOf(BuildFailure.class)
                .hasMessage("commit " + missing + " not found on branch 'main' of " + url
                        + ": was it force-pushed away?");
        assertThat(log).anyMatch(line -> line.startsWith("The server does not serve commit " + missing));
    }

    @Test
    void refusesSomethingThatIsNotACommitId() {
        assertThatThrownBy(() -> checkouts.checkout(origin.toUri().toString(), "main", "HEAD~1", work.resolve("src"),
                log::add)).isInstanceOf(BuildFailure.class)
                .hasMessage("commit 'HEAD~1' is not a commit id: expected 7 to 40 hex digits");
    }

    @Test
    void leavesNoCredentialsOrCommitIdRefspecsInTheConfiguration() throws Exception {
        commitTwice(origin);

        Checkout checkout = checkouts.checkout(origin.toUri().toString(), "main", work.resolve("src"), log::add);

        assertThat(Files.readString(checkout.directory().resolve(".git/config")))
                .contains("url = " + origin.toUri()).doesNotContain("password").doesNotContain("token");
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

    /** What GitHub and {@code git daemon} allow: fetching any commit reachable from a branch by its id. */
    static void allowCommitsById(Path directory) throws Exception {
        try (Git git = Git.open(directory.toFile())) {
            var config = git.getRepository().getConfig();
            config.setBoolean("uploadpack", null, "allowReachableSHA1InWant", true);
            config.save();
        }
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
