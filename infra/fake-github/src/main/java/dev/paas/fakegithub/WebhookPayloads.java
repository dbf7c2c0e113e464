package dev.paas.fakegithub;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes GitHub uses, trimmed to the fields a client is likely to read. */
final class WebhookPayloads {

    private static final String ZERO_SHA = "0".repeat(40);

    private WebhookPayloads() {
    }

    static Map<String, Object> user(GitHubUser user, String baseUrl) {
        Map<String, Object> json = account(user, baseUrl);
        json.put("name", user.login());
        json.put("email", user.primaryEmail().filter(GitHubUser.Email::verified).map(GitHubUser.Email::email)
                .orElse(null));
        return json;
    }

    static Map<String, Object> repository(GitHubRepository repository, GitHubUser viewer, String baseUrl) {
        Map<String, Object> json = webhookRepository(repository, baseUrl);
        boolean admin = repository.canAdmin(viewer);
        json.put("permissions", Map.of("admin", admin, "maintain", admin, "push", true, "triage", true,
                "pull", true));
        return json;
    }

    static Map<String, Object> hook(Hook hook, String apiUrl) {
        String url = apiUrl + "/repos/" + hook.repository() + "/hooks/" + hook.id();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("content_type", hook.contentType());
        config.put("insecure_ssl", hook.insecureSsl());
        config.put("url", hook.url());
        if (hook.secret() != null) {
            config.put("secret", "********");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "Repository");
        json.put("id", hook.id());
        json.put("name", hook.name());
        json.put("active", hook.active());
        json.put("events", hook.events());
        json.put("config", config);
        json.put("created_at", hook.createdAt().truncatedTo(ChronoUnit.SECONDS).toString());
        json.put("updated_at", hook.createdAt().truncatedTo(ChronoUnit.SECONDS).toString());
        json.put("url", url);
        json.put("test_url", url + "/test");
        json.put("ping_url", url + "/pings");
        json.put("deliveries_url", url + "/deliveries");
        return json;
    }

    static Map<String, Object> push(GitHubRepository repository, String branch, String before, String after,
            String message, String baseUrl) {
        GitHubUser pusher = repository.owner();
        String email = pusher.primaryEmail().map(GitHubUser.Email::email).orElse(pusher.login() + "@users.noreply");
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("name", pusher.login());
        author.put("email", email);
        author.put("username", pusher.login());
        Map<String, Object> commit = new LinkedHashMap<>();
        commit.put("id", after);
        commit.put("tree_id", after);
        commit.put("distinct", true);
        commit.put("message", message);
        commit.put("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        commit.put("url", repository.htmlUrl() + "/commit/" + after);
        commit.put("author", author);
        commit.put("committer", author);
        commit.put("added", List.of());
        commit.put("removed", List.of());
        commit.put("modified", List.of());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ref", "refs/heads/" + branch);
        json.put("before", before == null ? ZERO_SHA : before);
        json.put("after", after);
        json.put("repository", webhookRepository(repository, baseUrl));
        json.put("pusher", Map.of("name", pusher.login(), "email", email));
        json.put("sender", account(pusher, baseUrl));
        json.put("created", before == null);
        json.put("deleted", false);
        json.put("forced", false);
        json.put("base_ref", null);
        json.put("compare", repository.htmlUrl() + "/compare/" + (before == null ? ZERO_SHA : before) + "..." + after);
        json.put("commits", List.of(commit));
        json.put("head_commit", commit);
        return json;
    }

    static Map<String, Object> ping(GitHubRepository repository, Hook hook, String baseUrl) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("zen", "Keep it logically awesome.");
        json.put("hook_id", hook.id());
        json.put("hook", hook(hook, baseUrl + FakeGitHub.API_PREFIX));
        json.put("repository", webhookRepository(repository, baseUrl));
        json.put("sender", account(repository.owner(), baseUrl));
        return json;
    }

    private static Map<String, Object> webhookRepository(GitHubRepository repository, String baseUrl) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", repository.id());
        json.put("node_id", "R_" + repository.id());
        json.put("name", repository.name());
        json.put("full_name", repository.fullName());
        json.put("private", repository.isPrivate());
        json.put("owner", account(repository.owner(), baseUrl));
        json.put("html_url", repository.htmlUrl());
        json.put("clone_url", repository.cloneUrl());
        json.put("git_url", repository.cloneUrl().replaceFirst("^https?://", "git://"));
        json.put("ssh_url", "git@" + baseUrl.replaceFirst("^https?://", "").replaceFirst(":\\d+$", "") + ":"
                + repository.fullName() + ".git");
        json.put("default_branch", repository.defaultBranch());
        json.put("master_branch", repository.defaultBranch());
        return json;
    }

    private static Map<String, Object> account(GitHubUser user, String baseUrl) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("login", user.login());
        json.put("id", user.id());
        json.put("node_id", "U_" + user.id());
        json.put("avatar_url", baseUrl + "/avatars/" + user.login());
        json.put("html_url", baseUrl + "/" + user.login());
        json.put("type", "User");
        json.put("site_admin", false);
        return json;
    }
}
