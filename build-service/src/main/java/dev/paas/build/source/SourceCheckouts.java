package dev.paas.build.source;

import dev.paas.build.BuildFailure;
import dev.paas.build.Durations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SubmoduleConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.URIish;

/**
 * Fetches repositories with JGit into a new repository: shallow (depth 1), the one requested branch or one exact
 * commit of it, no tags, no submodules, within a time limit. An exact commit is asked for by its id; a server that
 * refuses to serve a commit by id (no {@code uploadpack.allowReachableSHA1InWant}, no protocol v2) gets a deeper fetch
 * of the branch instead, and so does an abbreviated id. Failures become {@link BuildFailure}s that say what to fix.
 */
public final class SourceCheckouts {

    private static final int MAX_MESSAGE_LENGTH = 200;
    private static final Pattern SHA = Pattern.compile("^[0-9a-f]{7,40}$");
    private static final String REMOTE = "origin";

    private final RepositoryUrlPolicy policy;
    private final Duration timeout;
    private final TransportConfigCallback transports;
    private final CloneTokens tokens;

    public SourceCheckouts(RepositoryUrlPolicy policy, Duration timeout) {
        this(policy, timeout, transport -> {
        }, null);
    }

    /**
     * {@code transports} configures every connection to a repository (the HTTPS trust of {@link ExtraCaTrust});
     * {@code tokens} (or {@code null}) lends an owner's GitHub token to the clone of their github.com repositories.
     */
    public SourceCheckouts(RepositoryUrlPolicy policy, Duration timeout, TransportConfigCallback transports,
            CloneTokens tokens) {
        this.policy = policy;
        this.timeout = timeout;
        this.transports = transports;
        this.tokens = tokens;
    }

    /** Checks out the head of {@code branch} of {@code repoUrl} into {@code directory}. */
    public Checkout checkout(String repoUrl, String branch, Path directory, Consumer<String> log) {
        return checkout(repoUrl, branch, null, directory, log);
    }

    /**
     * Checks out commit {@code commitSha} (7 to 40 hex digits) of {@code branch} of {@code repoUrl}, or the branch's
     * head when it is {@code null}, into {@code directory}, which must not exist or be empty.
     */
    public Checkout checkout(String repoUrl, String branch, String commitSha, Path directory, Consumer<String> log) {
        return checkout(repoUrl, branch, commitSha, null, directory, log);
    }

    /**
     * As {@link #checkout(String, String, String, Path, Consumer)}, on behalf of {@code ownerId}: a github.com
     * repository is cloned with the owner's GitHub token when one is kept ({@link CloneTokens}).
     */
    public Checkout checkout(String repoUrl, String branch, String commitSha, UUID ownerId, Path directory,
            Consumer<String> log) {
        policy.check(repoUrl);
        String url = repoUrl.strip();
        String shown = RepositoryUrls.redact(url);
        requireBranchName(branch);
        String sha = requireSha(commitSha);
        CredentialsProvider credentials = tokens == null ? null : tokens.forClone(ownerId, url).orElse(null);
        log.accept("Cloning " + shown + " (branch " + branch + (sha == null ? "" : ", commit " + sha)
                + ", depth 1" + (credentials == null ? "" : ", with the owner's GitHub token") + ")");
        requireBranch(url, branch, shown, credentials);
        var deadline = new DeadlineMonitor(timeout);
        try (Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch(branch).call()) {
            git.remoteAdd().setName(REMOTE).setUri(new URIish(url)).call();
            ObjectId commit = sha == null ? fetchHead(git, branch, shown, deadline, credentials)
                    : fetchCommit(git, branch, sha, shown, log, deadline, credentials);
            Checkout checkout = checkOut(git.getRepository(), directory, branch, commit, shown);
            log.accept("Checked out " + checkout.commitSha() + " \"" + checkout.commitMessage() + "\" by "
                    + checkout.commitAuthor());
            return checkout;
        } catch (GitAPIException | URISyntaxException | RuntimeException e) {
            if (e instanceof BuildFailure failure) {
                throw failure;
            }
            throw cloneFailure(e, deadline, url, shown);
        }
    }

    private ObjectId fetchHead(Git git, String branch, String shown, DeadlineMonitor deadline,
            CredentialsProvider credentials) throws GitAPIException {
        fetch(git, deadline, credentials).setRefSpecs(branchSpec(branch)).setDepth(1).call();
        return tracked(git.getRepository(), branch)
                .orElseThrow(() -> new BuildFailure("branch '" + branch + "' not found in " + shown));
    }

    /** The commit by its id at depth 1 if the server serves it so, else the branch's history, searched for it. */
    private ObjectId fetchCommit(Git git, String branch, String sha, String shown, Consumer<String> log,
            DeadlineMonitor deadline, CredentialsProvider credentials) throws GitAPIException {
        if (sha.length() == Constants.OBJECT_ID_STRING_LENGTH) {
            try {
                fetch(git, deadline, credentials).setRefSpecs(new RefSpec(sha + ":" + trackingRef(branch))).setDepth(1).call();
                return ObjectId.fromString(sha);
            } catch (TransportException e) {
                if (deadline.expired()) {
                    throw e;
                }
                log.accept("The server does not serve commit " + sha + " by its id ("
                        + causeOf(e, "", shown) + "); fetching the history of branch " + branch + " to find it");
            }
        } else {
            log.accept("Commit " + sha + " is abbreviated; fetching the history of branch " + branch
                    + " to find it");
        }
        fetch(git, deadline, credentials).setRefSpecs(branchSpec(branch)).call();
        return find(git.getRepository(), sha).orElseThrow(() -> new BuildFailure("commit " + sha
                + " not found on branch '" + branch + "' of " + shown + ": was it force-pushed away?"));
    }

    private FetchCommand fetch(Git git, DeadlineMonitor deadline, CredentialsProvider credentials) {
        return git.fetch()
                .setCredentialsProvider(credentials)
                .setRemote(REMOTE)
                .setTagOpt(TagOpt.NO_TAGS)
                .setRecurseSubmodules(SubmoduleConfig.FetchRecurseSubmodulesMode.NO)
                .setTimeout(timeoutSeconds())
                .setProgressMonitor(deadline)
                .setTransportConfigCallback(transports);
    }

    private static RefSpec branchSpec(String branch) {
        return new RefSpec("+" + Constants.R_HEADS + branch + ":" + trackingRef(branch));
    }

    private static String trackingRef(String branch) {
        return Constants.R_REMOTES + REMOTE + "/" + branch;
    }

    private static Optional<ObjectId> tracked(Repository repository, String branch) {
        try {
            return Optional.ofNullable(repository.resolve(trackingRef(branch)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<ObjectId> find(Repository repository, String sha) {
        try {
            return Optional.ofNullable(repository.resolve(sha + "^{commit}"));
        } catch (AmbiguousObjectException e) {
            throw new BuildFailure("commit " + sha + " is ambiguous in the repository: give more of its digits", e);
        } catch (IOException | RevisionSyntaxException e) {
            return Optional.empty();
        }
    }

    /** Points {@code branch} at {@code commit} and checks it out. */
    private static Checkout checkOut(Repository repository, Path directory, String branch, ObjectId commitId,
            String shown) throws GitAPIException {
        RevCommit commit;
        try (RevWalk walk = new RevWalk(repository)) {
            commit = walk.parseCommit(commitId);
            RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
            update.setNewObjectId(commit);
            update.setForceUpdate(true);
            update.update();
        } catch (MissingObjectException e) {
            throw new BuildFailure("commit " + commitId.getName() + " not found in " + shown, e);
        } catch (IOException e) {
            throw new BuildFailure("could not clone " + shown + ": cannot read the fetched commit ("
                    + e.getMessage() + ")", e);
        }
        try (Git git = new Git(repository)) {
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef(commit.getName()).call();
        }
        PersonIdent author = commit.getAuthorIdent();
        return new Checkout(directory, commit.getName(), firstLine(commit.getFullMessage()),
                author.getName() + " <" + author.getEmailAddress() + ">");
    }

    private BuildFailure cloneFailure(Exception e, DeadlineMonitor deadline, String url, String shown) {
        if (deadline.expired()) {
            return new BuildFailure("could not clone " + shown + ": timed out after " + Durations.describe(timeout),
                    e);
        }
        return new BuildFailure("could not clone " + shown + ": " + causeOf(e, url, shown), e);
    }

    private static String requireSha(String commitSha) {
        if (commitSha == null) {
            return null;
        }
        String sha = commitSha.strip().toLowerCase(Locale.ROOT);
        if (!SHA.matcher(sha).matches()) {
            throw new BuildFailure("commit '" + commitSha + "' is not a commit id: expected 7 to 40 hex digits");
        }
        return sha;
    }

    private void requireBranch(String url, String branch, String shown, CredentialsProvider credentials) {
        Collection<Ref> heads;
        try {
            heads = Git.lsRemoteRepository().setRemote(url).setHeads(true).setTimeout(timeoutSeconds())
                    .setTransportConfigCallback(transports).setCredentialsProvider(credentials).call();
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
        if (!url.isEmpty()) {
            message = message.replace(url, shown);
        }
        message = message.strip();
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
