package dev.paas.identity.github;

import dev.paas.identity.accounts.Account;
import dev.paas.identity.accounts.AccountService;
import dev.paas.identity.audit.AuditActions;
import dev.paas.identity.audit.AuditLog;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides which account a GitHub user is, linking on the way: the account already linked to that GitHub user,
 * else the account whose email is one of the user's <em>verified</em> GitHub addresses, else a new account with the
 * primary verified address. An unverified address never links: anyone can add any address to a GitHub account.
 */
@Service
class GitHubAccountLinker {

    private final AccountService accounts;
    private final GitHubLinks links;
    private final GitHubTokens tokens;
    private final AuditLog audit;
    private final CloneTokens cloneTokens;

    GitHubAccountLinker(AccountService accounts, GitHubLinks links, GitHubTokens tokens, AuditLog audit,
            CloneTokens cloneTokens) {
        this.accounts = accounts;
        this.links = links;
        this.tokens = tokens;
        this.audit = audit;
        this.cloneTokens = cloneTokens;
    }

    /** Signs in: finds, links or creates the account of {@code user}; stores the token. */
    @Transactional
    Account signIn(GitHubApi.GitHubUser user, List<GitHubApi.GitHubEmail> emails, GitHubApi.AccessGrant grant,
            String clientIp, Instant now) {
        Optional<GitHubLink> linked = links.findByGitHubUser(user.id());
        if (linked.isPresent()) {
            Account account = accounts.findById(linked.get().accountId())
                    .orElseThrow(() -> new GitHubSignInException("the account linked to GitHub user @"
                            + user.login() + " no longer exists"));
            store(account, user, grant, now);
            return account;
        }
        List<String> verified = emails.stream().filter(GitHubApi.GitHubEmail::verified)
                .sorted(Comparator.comparing(email -> !email.primary()))
                .map(GitHubApi.GitHubEmail::email).filter(email -> !email.isBlank()).toList();
        for (String email : verified) {
            Optional<Account> existing = accounts.findByEmail(email);
            if (existing.isPresent()) {
                links.findByAccount(existing.get().id()).ifPresent(other -> {
                    throw new GitHubSignInException("the account " + existing.get().email()
                            + " is already linked to another GitHub user (@" + other.githubLogin() + ")");
                });
                link(existing.get(), user, grant, "verified-email", clientIp, now);
                return existing.get();
            }
        }
        if (verified.isEmpty()) {
            throw new GitHubSignInException("your GitHub account @" + user.login() + " has no verified email "
                    + "address; verify one at GitHub (Settings, Emails) and sign in again");
        }
        Account created = accounts.registerExternal(verified.getFirst());
        link(created, user, grant, "new-account", clientIp, now);
        return created;
    }

    /** Links {@code user} to the signed-in account {@code accountId}, which asked for it. */
    @Transactional
    Account link(UUID accountId, GitHubApi.GitHubUser user, GitHubApi.AccessGrant grant, String clientIp,
            Instant now) {
        Account account = accounts.findById(accountId)
                .orElseThrow(() -> new GitHubSignInException("the account that asked to link GitHub no longer exists"));
        Optional<GitHubLink> linked = links.findByGitHubUser(user.id());
        if (linked.isPresent() && !linked.get().accountId().equals(accountId)) {
            throw new GitHubSignInException("GitHub user @" + user.login()
                    + " is already linked to another account; sign in with GitHub to use that account");
        }
        if (linked.isPresent()) {
            store(account, user, grant, now);
        } else {
            link(account, user, grant, "signed-in-account", clientIp, now);
        }
        return account;
    }

    private void link(Account account, GitHubApi.GitHubUser user, GitHubApi.AccessGrant grant, String how,
            String clientIp, Instant now) {
        store(account, user, grant, now);
        audit.record(account.id(), account.email(), AuditActions.GITHUB_LINKED, account.id().toString(), clientIp,
                Map.of("githubLogin", user.login(), "githubUserId", user.id(), "via", how));
    }

    private void store(Account account, GitHubApi.GitHubUser user, GitHubApi.AccessGrant grant, Instant now) {
        links.save(new GitHubLink(account.id(), user.id(), user.login(), tokens.seal(grant.token()), grant.scopes()),
                now);
        cloneTokens.changed(account.id(), user.login(), grant.token());
    }
}
