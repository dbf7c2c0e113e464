package dev.paas.build.source;

import dev.paas.build.BuildFailure;
import dev.paas.build.Durations;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.TagOpt;

/**
 * Clones repositories with JGit: shallow (depth 1), the one requested branch, no tags, no submodules, within a time
 * limit. Failures become {@link BuildFailure}s that say what to fix.
 */
public final class SourceCheckouts {

    private static final int MAX_MESSAGE_LENGTH = 200;

    private final RepositoryUrlPolicy policy;
    private final Duration timeout;

    public SourceCheckouts(RepositoryUrlPolicy policy, Duration timeout) {
        this.policy = policy;
        this.timeout = timeout;
    }

    /** Clones {@code branch} of {@code repoUrl} into {@code directory}, which must not exist or be empty. */
    public Checkout checkout(String repoUrl, String branch, Path directory, Consumer<String> log) {
        policy.check(repoUrl);
        String url = repoUrl.strip();
        String shown = RepositoryUrls.redact(url);
        requireBranchName(branch);
        log.accept("Cloning " + shown + " (branch " + branch + ", depth 1)");
        requireBranch(url, branch, shown);
        var deadline = new DeadlineMonitor(timeout);
        try (Git git = Git.cloneRepository()
                .setURI(url)
                .setDirectory(directory.toFile())
                .setBranch(Constants.R_HEADS + branch)
                .setBranchesToClone(List.of(Constants.R_HEADS + branch))
                .setCloneAllBranches(false)
                .setDepth(1)
                .setTagOption(TagOpt.NO_TAGS)
                .setCloneSubmodules(false)
                .setTimeout(timeoutSeconds())
                .setProgressMonitor(deadline)
                .call()) {
            Checkout checkout = headOf(git.getRepository(), directory, branch, shown);
            log.accept("Checked out " + checkout.commitSha() + " \"" + checkout.commitMessage() + "\"");
            return checkout;
        } catch (GitAPIException | RuntimeException e) {
            if (e instanceof BuildFailure failure) {
                throw failure;
            }
            if (deadline.expired()) {
                throw new BuildFailure("could not clone " + shown + ": timed out after " + Durations.describe(timeout), e);
            }
            throw new BuildFailure("could not clone " + shown + ": " + causeOf(e, url, shown), e);
        }
    }

    private void requireBranch(String url, String branch, String shown) {
        Collection<Ref> heads;
        try {
            heads = Git.lsRemoteRepository().setRemote(url).setHeads(true).setTimeout(timeoutSeconds()).call();
        } catch (GitAPIException | RuntimeException e) {
            throw new BuildFailure("could not clone " + shown + ": " + causeOf(e, url, shown), e);
        }
        if (heads.stream().noneMatch(ref -> ref.getName().equals(Constants.R_HEADS + branch))) {
            throw new BuildFailure("branch '" + branch + "' not found in " + shown);
        }
    }

    private static void requireBranchName(String branch) {
        if (branch == null || branch.isBlank() || !Repository.isValidRefName(Constants.R_HEADS + branch)) {
            throw new BuildFailure("branch '" + branch + "' is not a valid branch name");
        }
    }

    private static Checkout headOf(Repository repository, Path directory, String branch, String shown) {
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId head = repository.resolve(Constants.HEAD);
            if (head == null) {
                throw new BuildFailure("branch '" + branch + "' not found in " + shown);
            }
            RevCommit commit = walk.parseCommit(head);
            return new Checkout(directory, commit.getName(), firstLine(commit.getFullMessage()));
        } catch (IOException e) {
            throw new BuildFailure("could not clone " + shown + ": cannot read the checked-out commit ("
                    + e.getMessage() + ")", e);
        }
    }

    static String firstLine(String message) {
        String line = message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        return line.length() <= MAX_MESSAGE_LENGTH ? line : line.substring(0, MAX_MESSAGE_LENGTH - 1) + "…";
    }

    /** The most telling message in the chain, without the URL JGit likes to repeat in front of it. */
    static String causeOf(Throwable error, String url, String shown) {
        Throwable deepest = error;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = error.getMessage();
        if (message == null || message.isBlank() || message.endsWith("origin")) {
            message = deepest.getMessage();
        }
        if (message == null || message.isBlank()) {
            message = deepest.getClass().getSimpleName();
        }
        message = message.replace(url, shown).strip();
        if (message.startsWith(shown + ":")) {
            message = message.substring(shown.length() + 1).strip();
        }
        return message;
    }

    private int timeoutSeconds() {
        return (int) Math.max(1, timeout.toSeconds());
    }

    /** Cancels the clone once its time is up: JGit asks {@link #isCancelled()} between units of work. */
    private static final class DeadlineMonitor implements ProgressMonitor {

        private final long deadline;
        private volatile boolean expired;

        DeadlineMonitor(Duration timeout) {
            this.deadline = System.nanoTime() + timeout.toNanos();
        }

        boolean expired() {
            return expired || System.nanoTime() - deadline > 0;
        }

        @Override
        public boolean isCancelled() {
            if (System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted()) {
                expired = !Thread.currentThread().isInterrupted();
                return true;
            }
            return false;
        }

        @Override
        public void start(int totalTasks) {
        }

        @Override
        public void beginTask(String title, int totalWork) {
        }

        @Override
        public void update(int completed) {
        }

        @Override
        public void endTask() {
        }

        @Override
        public void showDuration(boolean enabled) {
        }
    }
}
