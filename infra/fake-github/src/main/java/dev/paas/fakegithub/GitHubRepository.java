package dev.paas.fakegithub;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A repository at the fake GitHub; made by {@link FakeGitHub#addRepository}. */
public final class GitHubRepository {

    private final long id;
    private final GitHubUser owner;
    private final String name;
    private final String cloneUrl;
    private final String htmlUrl;
    private final String defaultBranch;
    private volatile boolean privateRepository;
    /** Branch name to head commit, in creation order. */
    private final Map<String, String> branches = new LinkedHashMap<>();
    /** Collaborators other than the owner: user id to whether they may administer the repository. */
    private final Map<Long, Boolean> collaborators = new ConcurrentHashMap<>();

    GitHubRepository(long id, GitHubUser owner, String name, String cloneUrl, String htmlUrl, String defaultBranch) {
        this.id = id;
        this.owner = owner;
        this.name = name;
        this.cloneUrl = cloneUrl;
        this.htmlUrl = htmlUrl;
        this.defaultBranch = defaultBranch;
    }

    public long id() {
        return id;
    }

    public GitHubUser owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public String fullName() {
        return owner.login() + "/" + name;
    }

    public String cloneUrl() {
        return cloneUrl;
    }

    public String htmlUrl() {
        return htmlUrl;
    }

    public String defaultBranch() {
        return defaultBranch;
    }

    public boolean isPrivate() {
        return privateRepository;
    }

    public GitHubRepository makePrivate() {
        privateRepository = true;
        return this;
    }

    /** Branch names and their head commits, in creation order. */
    public synchronized Map<String, String> branches() {
        return Map.copyOf(new LinkedHashMap<>(branches));
    }

    synchronized Map<String, String> orderedBranches() {
        return new LinkedHashMap<>(branches);
    }

    /** Moves {@code branch} to {@code sha}; returns the previous head or {@code null} for a new branch. */
    synchronized String moveBranch(String branch, String sha) {
        return branches.put(branch, sha);
    }

    void grant(GitHubUser user, boolean admin) {
        collaborators.put(user.id(), admin);
    }

    boolean canRead(GitHubUser user) {
        return user.id() == owner.id() || collaborators.containsKey(user.id());
    }

    boolean canAdmin(GitHubUser user) {
        return user.id() == owner.id() || collaborators.getOrDefault(user.id(), false);
    }

    @Override
    public String toString() {
        return fullName();
    }
}
